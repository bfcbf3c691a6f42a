using ParticipativeDemocracy.Web.Data.Entities.Promises;

namespace ParticipativeDemocracy.Web.Features.Promises;

public enum PromiseItemStatus
{
    Pending,
    Kept,
    Late,
    Broken,
}

/// <summary>
/// Kept: delivered by its date. Late: delivered after it, or past its date with nothing recorded yet.
/// Broken: the council said it will not be delivered.
/// </summary>
public static class PromiseStatus
{
    public static PromiseItemStatus Of(PromiseItem item, DateTimeOffset now) => item switch
    {
        { Outcome: PromiseOutcome.Broken } => PromiseItemStatus.Broken,
        { Outcome: PromiseOutcome.Delivered, OutcomeAt: { } at } => at <= item.DueAt ? PromiseItemStatus.Kept : PromiseItemStatus.Late,
        _ when now > item.DueAt => PromiseItemStatus.Late,
        _ => PromiseItemStatus.Pending,
    };
}

public sealed record PromiseView(
    Guid ProcessId, ParticipationLevel Level, string Text, DateTimeOffset UpdatedAt, IReadOnlyList<PromiseItemView> Items);

public sealed record PromiseItemView(
    Guid Id, string Text, DateTimeOffset DueAt, PromiseItemStatus Status, DateTimeOffset? OutcomeAt, string? Evidence, string? EvidenceUrl);
