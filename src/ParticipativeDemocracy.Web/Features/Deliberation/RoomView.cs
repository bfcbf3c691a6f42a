namespace ParticipativeDemocracy.Web.Features.Deliberation;

/// <summary>
/// The whole state of a room, pushed after every change. Times are the server's, with its clock
/// at the moment of reading, so every screen computes the same speaker timer and session clock.
/// </summary>
public sealed record RoomView(
    Guid SessionId,
    Guid ProcessId,
    string Title,
    string Status,
    long Version,
    DateTimeOffset ServerNow,
    DateTimeOffset? StartedAt,
    int SpeakerLimitSeconds,
    SpeakerView? Speaker,
    IReadOnlyList<QueuedView> Queue,
    IReadOnlyList<PresentView> Present,
    IReadOnlyList<AgendaView> Agenda,
    PollView? Poll);

public sealed record SpeakerView(Guid UserId, string Name, DateTimeOffset Since);

public sealed record QueuedView(Guid UserId, string Name, DateTimeOffset RaisedAt);

public sealed record PresentView(Guid UserId, string Name, bool IsFacilitator);

public sealed record AgendaView(Guid Id, int Position, string Title, bool IsCurrent);

public sealed record PollView(Guid Id, string Question, bool IsOpen, IReadOnlyList<PollOptionView> Options, int Votes);

public sealed record PollOptionView(int Index, string Text, int Votes);
