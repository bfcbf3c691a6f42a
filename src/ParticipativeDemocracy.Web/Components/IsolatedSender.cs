using Mediator;

namespace ParticipativeDemocracy.Web.Components;

/// <summary>
/// For components that are not pages. Blazor renders a page's children while the page may still be awaiting a
/// query, and siblings initialise side by side; sharing the request's DbContext would then run two operations on
/// it at once. Each message here gets its own scope, so its own DbContext and transaction.
/// </summary>
public sealed class IsolatedSender(IServiceScopeFactory scopes)
{
    public async ValueTask<TResponse> Send<TResponse>(IQuery<TResponse> query, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query, cancellationToken);
    }

    public async ValueTask<TResponse> Send<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, cancellationToken);
    }
}
