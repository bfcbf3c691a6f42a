using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>When each phase of a budget starts. Results start when the votes are counted: at the close, or later when paper ballots are still being counted.</summary>
public static class BudgetPhases
{
    public static DateTimeOffset? StartOf(BudgetSettings settings, BudgetPhaseKind phase) => phase switch
    {
        BudgetPhaseKind.Proposals => settings.ProposalsOpenAt,
        BudgetPhaseKind.Review => settings.ReviewOpensAt,
        BudgetPhaseKind.Voting => settings.VotingOpensAt,
        BudgetPhaseKind.Results => settings.VotingClosesAt,
        _ => settings.ImplementationOpensAt,
    };

    public static void SetStart(BudgetSettings settings, BudgetPhaseKind phase, DateTimeOffset at)
    {
        switch (phase)
        {
            case BudgetPhaseKind.Proposals: settings.ProposalsOpenAt = at; break;
            case BudgetPhaseKind.Review: settings.ReviewOpensAt = at; break;
            case BudgetPhaseKind.Voting: settings.VotingOpensAt = at; break;
            case BudgetPhaseKind.Results: settings.VotingClosesAt = at; break;
            default: settings.ImplementationOpensAt = at; break;
        }
    }

    /// <summary>A phase has started once the phase job opened it or its time has come.</summary>
    public static bool HasStarted(BudgetSettings settings, BudgetPhaseKind phase, DateTimeOffset now) =>
        settings.CurrentPhase >= phase || (StartOf(settings, phase) is { } start && start <= now);

    /// <summary>The latest phase whose start has passed (a phase without a date is skipped), or null before any.</summary>
    public static BudgetPhaseKind? DueAt(BudgetSettings settings, DateTimeOffset now)
    {
        BudgetPhaseKind? due = null;
        foreach (var phase in Enum.GetValues<BudgetPhaseKind>())
        {
            // Results, and what follows them, need the count: after the close it may wait for paper ballots (ADR 0011).
            var ready = phase >= BudgetPhaseKind.Results
                ? settings.CountedAt is not null && (phase == BudgetPhaseKind.Results || StartOf(settings, phase) <= now)
                : StartOf(settings, phase) <= now;
            if (ready)
            {
                due = phase;
            }
        }

        return due;
    }

    /// <summary>Dated phases must follow each other in order.</summary>
    public static string? OrderProblem(BudgetSettings settings)
    {
        DateTimeOffset? previous = null;
        foreach (var phase in Enum.GetValues<BudgetPhaseKind>())
        {
            if (StartOf(settings, phase) is not { } start)
            {
                continue;
            }

            if (previous is { } earlier && start <= earlier)
            {
                return $"The {phase.ToString().ToLowerInvariant()} phase must start after the phase before it ({earlier:yyyy-MM-dd HH:mm} UTC).";
            }

            previous = start;
        }

        return null;
    }
}
