using Mediator;
using Microsoft.AspNetCore.SignalR;

namespace ParticipativeDemocracy.Web.Realtime;

/// <summary>Raised by handlers after their change is committed; pushed to watchers of the process.</summary>
public sealed record ProcessChanged(ProcessChange Change) : INotification;

public sealed class LiveUpdates(IHubContext<ProcessHub, IProcessClient> hub) : INotificationHandler<ProcessChanged>
{
    public async ValueTask Handle(ProcessChanged notification, CancellationToken cancellationToken)
    {
        var change = notification.Change;
        await hub.Clients.Groups(ProcessHub.AllProcessesGroup, ProcessHub.GroupOf(change.ProcessId)).ProcessChanged(change);
    }
}
