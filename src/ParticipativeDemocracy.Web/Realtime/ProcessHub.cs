using Microsoft.AspNetCore.SignalR;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Features.Budgeting;
using ParticipativeDemocracy.Web.Features.Polls;
using ParticipativeDemocracy.Web.Features.Juries;

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

    public static string OfficerGroupOf(Guid processId) => $"process:{processId:N}:officers";

    public Task WatchAllProcesses() => Groups.AddToGroupAsync(Context.ConnectionId, AllProcessesGroup);

    public Task WatchProcess(Guid processId) => Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(processId));

    public Task StopWatchingProcess(Guid processId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(processId));

    /// <summary>Officers see per-project tallies even when they are hidden from the public.</summary>
    public Task WatchProcessAsOfficer(Guid processId)
    {
        var user = Context.User;
        if (user is null || !(user.IsInRole(Roles.Officer) || user.IsInRole(Roles.Administrator)))
        {
            throw new HubException("Only officers can watch the full tally or poll results.");
        }

        return Groups.AddToGroupAsync(Context.ConnectionId, OfficerGroupOf(processId));
    }
}

public interface IProcessClient
{
    Task ProcessChanged(ProcessChange change);

    Task TallyChanged(TallyView tally);

    Task PollResultsChanged(PollResultsView results);

    /// <summary>A jury draw's progress, to the officers watching the jury.</summary>
    Task DrawProgress(DrawProgressUpdate update);
}

public sealed record ProcessChange(Guid ProcessId, string Title, string Status, DateTimeOffset At);
