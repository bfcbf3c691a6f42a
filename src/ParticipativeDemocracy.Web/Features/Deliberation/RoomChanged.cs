using Mediator;

namespace ParticipativeDemocracy.Web.Features.Deliberation;

/// <summary>Raised after a room command commits; the room's clients get a fresh snapshot.</summary>
public sealed record RoomChanged(Guid SessionId) : INotification;

/// <summary>Raised after a vote on a recommendation commits; the jury's clients get the new tally.</summary>
public sealed record RecommendationVoteChanged(Guid ProcessId, Guid RecommendationId) : INotification;
