using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.SignalR;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Features.Deliberation;

namespace ParticipativeDemocracy.Web.Realtime;

/// <summary>
/// The live jury room. Only active panel members and facilitators join; every action is a command
/// that commits to PostgreSQL first (see ADR 0006), then the whole room state is pushed to the room.
/// </summary>
public sealed class JuryHub(ISender sender, Data.AppDbContext db) : Hub<IJuryClient>
{
    public const string Path = "/hubs/jury";

    public static string RoomGroup(Guid sessionId) => $"room:{sessionId:N}";

    public static string JuryGroup(Guid processId) => $"jury:{processId:N}";

    public async Task<RoomView> JoinRoom(Guid sessionId)
    {
        var user = Context.User!;
        var processId = await RunAsync(() => sender.Send(new JoinRoom.Command(sessionId, Context.ConnectionId,
            JuryAccess.UserIdOf(user), JuryAccess.NameOf(user), JuryAccess.IsFacilitator(user))).AsTask());
        await Groups.AddToGroupAsync(Context.ConnectionId, RoomGroup(sessionId));
        await Groups.AddToGroupAsync(Context.ConnectionId, JuryGroup(processId));
        return await sender.Send(new GetRoomState.Query(sessionId));
    }

    /// <summary>The deliberation page follows its recommendations' running tallies: panel members and facilitators only.</summary>
    public async Task WatchJury(Guid processId)
    {
        await RunAsync(async () =>
        {
            await JuryAccess.JuryAsync(db, processId, Context.ConnectionAborted);
            await JuryAccess.EnsureInsiderAsync(db, processId, Context.User!, Context.ConnectionAborted);
            return true;
        });
        await Groups.AddToGroupAsync(Context.ConnectionId, JuryGroup(processId));
    }

    public Task RaiseHand(Guid sessionId) => Hand(sessionId, raised: true);

    public Task LowerHand(Guid sessionId) => Hand(sessionId, raised: false);

    public Task StartSession(Guid sessionId) => Facilitate(sessionId, FacilitateRoom.RoomAction.Start);

    public Task EndSession(Guid sessionId) => Facilitate(sessionId, FacilitateRoom.RoomAction.End);

    public Task GiveFloor(Guid sessionId, Guid? userId) => Facilitate(sessionId, FacilitateRoom.RoomAction.GiveFloor, userId);

    public Task EndFloor(Guid sessionId) => Facilitate(sessionId, FacilitateRoom.RoomAction.EndFloor);

    public Task MoveAgenda(Guid sessionId, Guid agendaItemId) => Facilitate(sessionId, FacilitateRoom.RoomAction.MoveAgenda, null, agendaItemId);

    public Task ClosePoll(Guid sessionId) => Facilitate(sessionId, FacilitateRoom.RoomAction.ClosePoll);

    public Task<Guid> OpenPoll(Guid sessionId, string question, string[] options)
    {
        EnsureFacilitator();
        return RunAsync(() => sender.Send(new OpenStrawPoll.Command(sessionId, question, options, JuryAccess.NameOf(Context.User!))).AsTask());
    }

    public Task VotePoll(Guid pollId, int option) =>
        RunAsync(() => sender.Send(new VoteInStrawPoll.Command(pollId, JuryAccess.UserIdOf(Context.User!), option)).AsTask());

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await sender.Send(new LeaveRoom.Command(Context.ConnectionId));
        await base.OnDisconnectedAsync(exception);
    }

    private Task<long> Hand(Guid sessionId, bool raised) =>
        RunAsync(() => sender.Send(new RaiseHand.Command(sessionId, JuryAccess.UserIdOf(Context.User!), raised)).AsTask());

    private Task<long> Facilitate(Guid sessionId, FacilitateRoom.RoomAction action, Guid? userId = null, Guid? agendaItemId = null)
    {
        EnsureFacilitator();
        return RunAsync(() => sender.Send(new FacilitateRoom.Command(sessionId, action, userId, agendaItemId, JuryAccess.NameOf(Context.User!))).AsTask());
    }

    private void EnsureFacilitator()
    {
        if (!JuryAccess.IsFacilitator(Context.User!))
        {
            throw new HubException("Only the facilitator can do this.");
        }
    }

    /// <summary>Clients see the same plain reasons the API gives, not a generic hub error.</summary>
    private static async Task<T> RunAsync<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception ex) when (ex is ConflictException or ForbiddenException or NotFoundException or ValidationException)
        {
            throw new HubException(ex is ValidationException invalid
                ? string.Join(" ", invalid.Errors.Select(e => e.ErrorMessage))
                : ex.Message);
        }
    }
}

public interface IJuryClient
{
    Task RoomChanged(RoomView room);

    Task RecommendationTally(RecommendationTallyView tally);
}
