using Mediator;
using Microsoft.AspNetCore.SignalR;
using ParticipativeDemocracy.Web.Features.Deliberation;

namespace ParticipativeDemocracy.Web.Realtime;

/// <summary>
/// After a room command commits, reads the room afresh and pushes it whole. Snapshots carry the
/// session's state version, so a client that receives two out of order keeps the newer one.
/// </summary>
public sealed class JuryRoomBroadcaster(ISender sender, IHubContext<JuryHub, IJuryClient> hub)
    : INotificationHandler<RoomChanged>, INotificationHandler<RecommendationVoteChanged>
{
    public async ValueTask Handle(RoomChanged notification, CancellationToken cancellationToken)
    {
        var room = await sender.Send(new GetRoomState.Query(notification.SessionId), cancellationToken);
        await hub.Clients.Group(JuryHub.RoomGroup(notification.SessionId)).RoomChanged(room);
    }

    public async ValueTask Handle(RecommendationVoteChanged notification, CancellationToken cancellationToken)
    {
        var tally = await sender.Send(new GetRecommendationTally.Query(notification.RecommendationId), cancellationToken);
        await hub.Clients.Group(JuryHub.JuryGroup(notification.ProcessId)).RecommendationTally(tally);
    }
}
