using ParticipativeDemocracy.Web.Common.Eligibility;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

public sealed record PaperMismatch(int Position, PaperBallotEntry? First, PaperBallotEntry? Second, PaperBallotEntry? Resolved);

/// <summary>A paper ballot at its place in the batch (0-based).</summary>
public sealed record PlacedBallot(int Position, PaperBallotEntry Ballot);

/// <summary>Comparing the two keyings of a batch: where they differ, and what the batch holds once each difference is resolved.</summary>
public static class PaperKeyings
{
    public static IReadOnlyList<PaperMismatch> Mismatches(PaperBatch batch, IReadOnlyList<PaperKeying> keyings)
    {
        if (keyings.Count < 2)
        {
            return [];
        }

        var (first, second) = (keyings[0].Ballots, keyings[1].Ballots);
        return Enumerable.Range(0, Math.Max(first.Count, second.Count))
            .Select(i => (i, a: i < first.Count ? first[i] : null, b: i < second.Count ? second[i] : null))
            .Where(x => !Same(x.a, x.b))
            .Select(x => new PaperMismatch(x.i, x.a, x.b, batch.Resolutions.LastOrDefault(r => r.Position == x.i)?.Ballot))
            .ToList();
    }

    /// <summary>
    /// The batch as far as it is known: agreed ballots, and resolved ones in place of disagreements; an
    /// unresolved place is null. Empty before the second keying.
    /// </summary>
    public static List<PaperBallotEntry?> Known(PaperBatch batch, IReadOnlyList<PaperKeying> keyings)
    {
        if (keyings.Count < 2)
        {
            return [];
        }

        var mismatches = Mismatches(batch, keyings).ToDictionary(m => m.Position);
        var length = Math.Max(keyings[0].Ballots.Count, keyings[1].Ballots.Count);
        return Enumerable.Range(0, length)
            .Select(i => mismatches.TryGetValue(i, out var m) ? m.Resolved : keyings[0].Ballots[i])
            .ToList();
    }

    /// <summary>The settled ballots (an empty voter reference: no ballot at that place); null while a difference is unresolved.</summary>
    public static List<PlacedBallot>? Settled(PaperBatch batch, IReadOnlyList<PaperKeying> keyings)
    {
        var known = Known(batch, keyings);
        if (known.Count == 0 || known.Any(b => b is null))
        {
            return null;
        }

        return known.Select((b, i) => new PlacedBallot(i, b!)).Where(p => p.Ballot.VoterReference.Length > 0).ToList();
    }

    private static bool Same(PaperBallotEntry? a, PaperBallotEntry? b) =>
        a is not null && b is not null
        && a.Spoilt == b.Spoilt
        && RollHasher.Normalise(a.VoterReference) == RollHasher.Normalise(b.VoterReference)
        && a.Projects.Select(Code).SequenceEqual(b.Projects.Select(Code))
        && (a.Numbers ?? []).SequenceEqual(b.Numbers ?? []);

    private static string Code(string code) => code.Trim().ToUpperInvariant();
}
