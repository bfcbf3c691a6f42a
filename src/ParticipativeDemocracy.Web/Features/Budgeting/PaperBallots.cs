using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ParticipativeDemocracy.Web.Common.Behaviors;
using ParticipativeDemocracy.Web.Common.Eligibility;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;
using ParticipativeDemocracy.Web.Resources;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

public sealed record PaperBatchView(
    Guid Id, Guid BudgetId, string Label, PaperBatchStatus Status, int Keyings, int Counted,
    IReadOnlyList<PaperMismatch> Mismatches, IReadOnlyList<PaperSetAside> SetAside);

/// <summary>What keying, resolving and counting a batch need, loaded once per request: the batch (tracked), rules, budget and its ballot.</summary>
public sealed record PaperScope(
    PaperBatch Batch, BudgetSettings Settings, ProcessBudget Budget, IReadOnlyList<ProcessBudget> Budgets,
    IReadOnlyDictionary<string, BudgetProject> ByCode, IReadOnlyDictionary<Guid, BudgetProject> ById);

/// <summary>
/// Paper ballots: loading a batch, showing it, and counting it once settled. Each paper ballot names
/// the roll reference it was issued to; the registry keys it exactly as an online voter who proved that
/// roll entry (<see cref="VoterKeys.ForRollReference"/>), with channel "paper", so a person votes one way only.
/// </summary>
public sealed class PaperBallots(AppDbContext db, RollHasher hasher, TimeProvider clock, AfterCommit afterCommit, IStringLocalizer<BudgetText> t)
{
    /// <summary>404 for another process's batch; 409 unless paper ballots may be keyed (voting open, or closed and not yet counted).</summary>
    public async Task<PaperScope> LoadScopeAsync(Guid processId, Guid batchId, CancellationToken cancellationToken)
    {
        var batch = await db.PaperBatches.SingleOrDefaultAsync(b => b.Id == batchId && b.ProcessId == processId, cancellationToken)
                    ?? throw new NotFoundException("Paper batch", batchId);
        var settings = await BudgetPhase.LoadSettingsAsync(db, processId, cancellationToken);
        PaperWindow.EnsureOpen(settings, clock.GetUtcNow());
        var budgets = await ProcessBudgets.LoadAsync(db, processId, cancellationToken);
        var projects = await db.BudgetProjects.AsNoTracking()
            .Where(p => p.BudgetId == batch.BudgetId && p.Status == ProposalStatus.Feasible).ToListAsync(cancellationToken);
        return new PaperScope(batch, settings, budgets.Single(b => b.Id == batch.BudgetId), budgets,
            projects.ToDictionary(p => p.Code, StringComparer.OrdinalIgnoreCase), projects.ToDictionary(p => p.Id));
    }

    public async Task<List<PaperKeying>> KeyingsAsync(Guid batchId, CancellationToken cancellationToken) =>
        await db.PaperKeyings.AsNoTracking().Where(k => k.BatchId == batchId).OrderBy(k => k.KeyedAt).ThenBy(k => k.Id).ToListAsync(cancellationToken);

    /// <summary>Batches with their keyings in two queries, whatever their number; newest first.</summary>
    public async Task<IReadOnlyList<PaperBatchView>> ViewsAsync(IQueryable<PaperBatch> batches, CancellationToken cancellationToken)
    {
        var loaded = await batches.AsNoTracking().OrderByDescending(b => b.CreatedAt).ToListAsync(cancellationToken);
        var ids = loaded.Select(b => b.Id).ToList();
        var keyings = (await db.PaperKeyings.AsNoTracking().Where(k => ids.Contains(k.BatchId))
                .OrderBy(k => k.KeyedAt).ThenBy(k => k.Id).ToListAsync(cancellationToken))
            .ToLookup(k => k.BatchId);
        return loaded.Select(b => View(b, [.. keyings[b.Id]])).ToList();
    }

    public static PaperBatchView View(PaperBatch batch, IReadOnlyList<PaperKeying> keyings) =>
        new(batch.Id, batch.BudgetId, batch.Label, batch.Status, keyings.Count, batch.Counted, PaperKeyings.Mismatches(batch, keyings), batch.SetAside);

    public string KeyOf(string reference) => VoterKeys.ForRollReference(hasher.ReferenceHash(reference));

    /// <summary>
    /// Counts a settled batch in one statement: every voter goes in the registry (a spoilt ballot's voter has
    /// voted too), and each valid ballot in the box. A voter the registry already holds — someone who voted
    /// online since the keying, caught by the key or the paper-or-online exclusion constraint — is set aside.
    /// After the close, the batch that settles last runs the count of the whole process (ADR 0011).
    /// </summary>
    public async Task CountAsync(PaperScope scope, IReadOnlyList<PlacedBallot> settled, CancellationToken cancellationToken)
    {
        var (batch, now) = (scope.Batch, clock.GetUtcNow());
        var closed = await PaperWindow.EnterAsync(db, scope.Settings, now, cancellationToken);
        var judged = settled.Select(p => (Placed: p, Key: KeyOf(p.Ballot.VoterReference), Verdict: PaperMarks.Judge(scope, p.Ballot, t["PaperSameRank"], t["PaperMarkedSpoilt"])))
            .ToList();
        var keys = judged.Select(j => j.Key).ToArray();
        var choices = judged.Select(j => j.Verdict.Counts ? JsonSerializer.Serialize(j.Verdict.Choices) : null).ToArray();
        var receipts = judged.Select(_ => BallotSecrets.NewReceiptCode()).ToArray();
        var ids = judged.Select(_ => Guid.CreateVersion7(now)).ToArray();
        var notRecorded = (await db.Database.SqlQuery<string>($"""
            WITH input AS (
                SELECT * FROM unnest({keys}::text[], {choices}::text[], {receipts}::text[], {ids}::uuid[]) AS i(voter_key, choices, receipt, id)
            ), voter AS (
                INSERT INTO app."VoterRecords" ("ProcessId", "BudgetId", "VoterKey", "Channel", "FirstVotedAt", "LastVotedAt")
                SELECT {batch.ProcessId}, {batch.BudgetId}, i.voter_key, {VoteChannel.Paper.ToString()}, {now}, {now} FROM input i
                ON CONFLICT DO NOTHING
                RETURNING "VoterKey"
            ), ballot AS (
                INSERT INTO app."BudgetBallots" ("Id", "ProcessId", "BudgetId", "ReceiptCode", "Choices", "ReplacementKey", "CastAt")
                SELECT i.id, {batch.ProcessId}, {batch.BudgetId}, i.receipt, i.choices::jsonb, NULL, {now}
                FROM input i JOIN voter v ON v."VoterKey" = i.voter_key
                WHERE i.choices IS NOT NULL
            )
            SELECT i.voter_key AS "Value" FROM input i WHERE NOT EXISTS (SELECT 1 FROM voter v WHERE v."VoterKey" = i.voter_key)
            """).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

        var votedMeanwhile = t["PaperVotedMeanwhile"].Value;
        batch.SetAside = judged
            .Where(j => notRecorded.Contains(j.Key) || !j.Verdict.Counts)
            .Select(j => notRecorded.Contains(j.Key)
                ? new PaperSetAside(j.Placed.Position, j.Placed.Ballot.VoterReference, false, [votedMeanwhile])
                : new PaperSetAside(j.Placed.Position, j.Placed.Ballot.VoterReference, true, [.. j.Verdict.Reasons]))
            .ToList();
        batch.Counted = judged.Count(j => j.Verdict.Counts && !notRecorded.Contains(j.Key));
        batch.Status = PaperBatchStatus.Counted;
        batch.CountedAt = now;
        afterCommit.Publish(new BallotCast(batch.ProcessId));
        if (closed && !await FinalCount.Unsettled(db, batch.ProcessId, except: batch.Id).AnyAsync(cancellationToken))
        {
            await FinalCount.RunAsync(db, afterCommit, batch.ProcessId, now, cancellationToken);
        }
    }
}
