using System.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Data;

namespace ParticipativeDemocracy.Web.Common.Behaviors;

/// <summary>
/// One database transaction per command: everything a command writes commits together or not at all.
/// Queries run without one.
/// </summary>
public sealed class TransactionBehavior<TMessage, TResponse>(AppDbContext db, AfterCommit afterCommit, IPublisher publisher)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IBaseCommand
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await next(message, cancellationToken);
        }

        var isolation = message is ISerializableCommand ? IsolationLevel.Serializable : IsolationLevel.ReadCommitted;
        await using var transaction = await db.Database.BeginTransactionAsync(isolation, cancellationToken);
        var response = await next(message, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var notification in afterCommit.Drain())
        {
            await publisher.Publish(notification, CancellationToken.None);
        }

        return response;
    }
}

/// <summary>Marks a command whose invariants need a serializable transaction (e.g. a budget must not be overspent).</summary>
public interface ISerializableCommand;
