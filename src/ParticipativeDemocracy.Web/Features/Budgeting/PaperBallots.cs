using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Behaviors;
using ParticipativeDemocracy.Web.Common.Eligibility;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

public sealed record PaperMismatch(int Position, PaperBallotEntry? First, PaperBallotEntry? Second, PaperBallotEntry? Resolved);

public sealed record PaperBatchView(
    Guid Id, Guid BudgetId, string Label, PaperBatchStatus Status, int Keyings, int Counted, IReadOnlyList<PaperMismatch> Mismatches);

/// <summary>
/// Paper ballots: comparing two keyings of a batch, and counting a settled batch. Each paper ballot names
/// the roll reference it was issued to; the registry keys it as an online ballot of that roll entry, with
/// channel "paper", so the same person cannot also vote online, nor on paper after voting online.
/// </summary>
public sealed class PaperBallots(AppDbContext db, RollHasher hasher, TimeProvider clock, AfterCommit afterCommit)
{
    public async Task<PaperBatch> LoadAsync(Guid processId, Guid batchId, CancellationToken cancellationToken) =>
        await db.PaperBatches.SingleOrDefaultAsync(b => b.Id == batchId && b.ProcessId == processId, cancellationToken)
        ?? throw new NotFoundException("Paper batch", batchId);

    public async Task<PaperBatchView> ViewAsync(PaperBatch batch, CancellationToken cancellationToken)
    {
        var keyings = await KeyingsAsync(batch.Id, cancellationToken);
        return new PaperBatchView(batch.Id, batch.BudgetId, batch.Label, batch.Status, keyings.Count, batch.Counted, Mismatches(batch, keyings));
    }

    public async Task<List<PaperKeying>> KeyingsAsync(Guid batchId, CancellationToken cancellationToken) =>
        await db.PaperKeyings.AsNoTracking().Where(k => k.BatchId == batchId).OrderBy(k => k.KeyedAt).ThenBy(k => k.Id).ToListAsync(cancellationToken);

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

    /// <summary>Refuses (409 naming them) ballots of people who already voted in this budget online or on paper.</summary>
    public async Task EnsureNotVotedAsync(Guid budgetId, IEnumerable<PaperBallotEntry> ballots, CancellationToken cancellationToken)
    {
        var keys = ballots.Select(b => (b.VoterReference, Key: KeyOf(b.VoterReference))).ToList();
        var wanted = keys.Select(k => k.Key).ToList();
        var voted = await db.VoterRecords.AsNoTracking().Where(v => v.BudgetId == budgetId && wanted.Contains(v.VoterKey))
            .Select(v => new { v.VoterKey, v.Channel }).ToListAsync(cancellationToken);
        if (voted.Count > 0)
        {
            var names = keys.Where(k => voted.Any(v => v.VoterKey == k.Key)).Select(k => k.VoterReference);
            throw new ConflictException($"Already voted ({string.Join(", ", voted.Select(v => v.Channel).Distinct())}), so this paper ballot cannot count: {string.Join(", ", names)}.");
        }
    }

    /// <summary>Checks the keyed codes are projects of the batch's budget and each reference appears once (400 otherwise).</summary>
    public async Task EnsureWellFormedAsync(PaperBatch batch, IReadOnlyList<PaperBallotEntry> ballots, CancellationToken cancellationToken)
    {
        var codes = await db.BudgetProjects.AsNoTracking().Where(p => p.BudgetId == batch.BudgetId && p.Status == ProposalStatus.Feasible)
            .Select(p => p.Code).ToListAsync(cancellationToken);
        var failures = new List<ValidationFailure>();
        for (var i = 0; i < ballots.Count; i++)
        {
            var unknown = ballots[i].Projects.Where(c => !codes.Contains(c.Trim(), StringComparer.OrdinalIgnoreCase)).ToList();
            if (unknown.Count > 0)
            {
                failures.Add(new ValidationFailure($"ballots[{i}].projects", $"Not on this budget's ballot: {string.Join(", ", unknown)}."));
            }
        }

        var repeated = ballots.GroupBy(b => RollHasher.Normalise(b.VoterReference)).Where(g => g.Count() > 1).Select(g => g.First().VoterReference).ToList();
        if (repeated.Count > 0)
        {
            failures.Add(new ValidationFailure("ballots", $"Each voter reference can appear once in a batch: {string.Join(", ", repeated)}."));
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }
    }

    /// <summary>Counts a settled batch: each ballot goes in the box unless its voter is already in the registry.</summary>
    public async Task CountAsync(PaperBatch batch, IReadOnlyList<PaperBallotEntry> ballots, CancellationToken cancellationToken)
    {
        var settings = await BudgetPhase.LoadSettingsAsync(db, batch.ProcessId, cancellationToken);
        var now = clock.GetUtcNow();
        var projects = await db.BudgetProjects.AsNoTracking().Where(p => p.BudgetId == batch.BudgetId && p.Status == ProposalStatus.Feasible)
            .ToListAsync(cancellationToken);
        var byCode = projects.ToDictionary(p => p.Code, StringComparer.OrdinalIgnoreCase);
        var counted = 0;
        foreach (var ballot in ballots)
        {
            var choices = ballot.Projects.Select((code, rank) => new BallotChoice(byCode[code.Trim()].Id,
                settings.BallotKind == BudgetBallotKind.Ranking ? rank + 1 : 1)).ToList();
            var json = JsonSerializer.Serialize(choices);
            var key = KeyOf(ballot.VoterReference);
            counted += await db.Database.ExecuteSqlInterpolatedAsync($"""
                WITH voter AS (
                    INSERT INTO app."VoterRecords" ("ProcessId", "BudgetId", "VoterKey", "Channel", "FirstVotedAt", "LastVotedAt")
                    VALUES ({batch.ProcessId}, {batch.BudgetId}, {key}, {VoteChannel.Paper.ToString()}, {now}, {now})
                    ON CONFLICT DO NOTHING
                    RETURNING 1
                )
                INSERT INTO app."BudgetBallots" ("Id", "ProcessId", "BudgetId", "ReceiptCode", "Choices", "ReplacementKey", "CastAt")
                SELECT {Guid.CreateVersion7(now)}, {batch.ProcessId}, {batch.BudgetId}, {BallotSecrets.NewReceiptCode()}, {json}::jsonb, NULL, {now}
                WHERE EXISTS (SELECT 1 FROM voter)
                """, cancellationToken);
        }

        batch.Status = PaperBatchStatus.Counted;
        batch.CountedAt = now;
        batch.Counted = counted;
        afterCommit.Publish(new BallotCast(batch.ProcessId));
    }

    /// <summary>The ballots both keyings agree on, with each disagreement replaced by its resolution; null while one is unresolved.</summary>
    public static List<PaperBallotEntry>? Settled(PaperBatch batch, IReadOnlyList<PaperKeying> keyings)
    {
        var mismatches = Mismatches(batch, keyings);
        if (mismatches.Any(m => m.Resolved is null))
        {
            return null;
        }

        var length = Math.Max(keyings[0].Ballots.Count, keyings[1].Ballots.Count);
        return Enumerable.Range(0, length)
            .Select(i => mismatches.FirstOrDefault(m => m.Position == i) is { } m ? m.Resolved! : keyings[0].Ballots[i])
            .Where(b => b.VoterReference.Length > 0)
            .ToList();
    }

    private string KeyOf(string reference) => VoterKeys.ForRollReference(hasher.ReferenceHash(reference));

    private static bool Same(PaperBallotEntry? a, PaperBallotEntry? b) =>
        a is not null && b is not null
        && RollHasher.Normalise(a.VoterReference) == RollHasher.Normalise(b.VoterReference)
        && a.Projects.Select(p => p.Trim().ToUpperInvariant()).SequenceEqual(b.Projects.Select(p => p.Trim().ToUpperInvariant()));
}
