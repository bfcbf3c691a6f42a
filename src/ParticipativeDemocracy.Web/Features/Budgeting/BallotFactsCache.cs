using System.Collections.Concurrent;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>
/// What every ballot of a process is checked against (process, rules, settings, budgets, projects), kept per
/// process while its voting is open, so a ballot need not read it again. Never trusted blindly: the statement
/// that writes a ballot compares the facts' stamp with the database's and writes nothing when they differ
/// (<see cref="BallotBox"/>), so a change by any instance is seen at the next ballot.
/// </summary>
public sealed class BallotFactsCache(TimeProvider clock)
{
    private readonly ConcurrentDictionary<Guid, BallotFacts> _open = new();

    /// <summary>The process's facts without any voter's roll entry, if held.</summary>
    public BallotFacts? Find(Guid processId) => _open.GetValueOrDefault(processId);

    /// <summary>Holds the process part of <paramref name="facts"/> while voting is open; otherwise lets it go.</summary>
    public void Remember(BallotFacts facts)
    {
        if (facts.Settings is { } settings && BudgetPhase.IsVotingOpen(settings, clock.GetUtcNow()))
        {
            _open[facts.ProcessId] = facts.WithoutVoter();
        }
        else
        {
            Forget(facts.ProcessId);
        }
    }

    public void Forget(Guid processId) => _open.TryRemove(processId, out _);
}
