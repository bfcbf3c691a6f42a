using Microsoft.AspNetCore.SignalR;

namespace ParticipativeDemocracy.Web.Realtime;

/// <summary>
/// Live updates about processes. Clients join the group of the process they watch; handlers push
/// through <see cref="IHubContext{THub,T}"/> (see <see cref="LiveUpdates"/>), never per ballot.
/// </summary>
public sealed class ProcessHub : Hub<IProcessClient>
{
    public const string Path = "/hubs/processes";
    public const string AllProcessesGroup = "processes";

    public static string GroupOf(Guid processId) => $"process:{processId:N}";

    public Task WatchAllProcesses() => Groups.AddToGroupAsync(Context.ConnectionId, AllProcessesGroup);

    public Task WatchProcess(Guid processId) => Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(processId));

    public Task StopWatchingProcess(Guid processId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(processId));
}

public interface IProcessClient
{
    Task ProcessChanged(ProcessChange change);
}

public sealed record ProcessChange(Guid ProcessId, string Title, string Status, DateTimeOffset At);
