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

        if (message is IOwnTransactionCommand)
        {
            var written = await next(message, cancellationToken);
            await PublishAsync();
            return written;
        }

        var isolation = message is ISerializableCommand ? IsolationLevel.Serializable : IsolationLevel.ReadCommitted;
        await using var transaction = await db.Database.BeginTransactionAsync(isolation, cancellationToken);
        var response = await next(message, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await PublishAsync();
        return response;
    }

    private async Task PublishAsync()
    {
        foreach (var notification in afterCommit.Drain())
        {
            await publisher.Publish(notification, CancellationToken.None);
        }
    }
}

/// <summary>Marks a command whose invariants need a serializable transaction (e.g. a budget must not be overspent).</summary>
public interface ISerializableCommand;

/// <summary>
/// Marks a command whose handler writes with one statement (atomic by itself) and opens a transaction
/// itself on the paths that need more: the pipeline does not wrap it in one, sparing the commit's round trip.
/// </summary>
public interface IOwnTransactionCommand;
