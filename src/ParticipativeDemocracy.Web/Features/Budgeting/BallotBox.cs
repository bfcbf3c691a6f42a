using System.Text.Json;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ParticipativeDemocracy.Web.Common.Behaviors;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;
using ParticipativeDemocracy.Web.Resources;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>A choice as the voter sent it: ranking ballots are in order of preference, cumulative ones carry points.</summary>
public sealed record CastChoice(Guid ProjectId, int? Points);

public sealed record BallotReceipt(string ReceiptCode, DateTimeOffset CastAt, bool Replaced);

/// <summary>
/// Puts a ballot in the box for a voter the caller has already identified and found eligible. The
/// ballot row holds no identity; the registry records that the voter voted and through which channel.
/// One upsert per table keeps one live ballot per voter under any concurrency.
/// </summary>
public sealed class BallotBox(AppDbContext db, TimeProvider clock, BallotSecrets secrets, AfterCommit afterCommit, IStringLocalizer<SharedResource> l)
{
    public async Task<BallotReceipt> CastAsync(
        Guid processId, BallotVoter voter, IReadOnlyList<CastChoice> cast, VoteChannel channel, CancellationToken cancellationToken)
    {
        var settings = await BudgetPhase.LoadSettingsAsync(db, processId, cancellationToken);
        var now = clock.GetUtcNow();
        BudgetPhase.EnsureVotingOpen(settings, now);
        var onBallot = await db.BudgetProjects.AsNoTracking()
            .Where(p => p.ProcessId == processId && p.Status == ProposalStatus.Feasible)
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var choices = cast.Select((c, rank) => new BallotChoice(c.ProjectId, ChoicePoints(settings, c, rank))).ToList();
        var failures = BallotRules.Check(settings, onBallot, choices);
        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        var superseded = voter.SupersededKey is { } old && await RemoveSupersededAsync(processId, old, cancellationToken);
        var receipt = BallotSecrets.NewReceiptCode();
        var replaced = await RecordAsync(processId, voter.VoterKey, channel, choices, receipt, now, cancellationToken);
        afterCommit.Publish(new BallotCast(processId));
        return new BallotReceipt(receipt, now, replaced || superseded);
    }

    /// <summary>Approval counts 1; ranking stores the rank, best first as 1; cumulative keeps the points.</summary>
    private static int ChoicePoints(BudgetSettings settings, CastChoice choice, int rank) => settings.BallotKind switch
    {
        BudgetBallotKind.Cumulative => choice.Points ?? 0,
        BudgetBallotKind.Ranking => rank + 1,
        _ => 1,
    };

    /// <summary>The person voted under another key before (their account, before proving a roll entry): that ballot goes.</summary>
    private async Task<bool> RemoveSupersededAsync(Guid processId, string oldKey, CancellationToken cancellationToken)
    {
        var replacementKey = secrets.ReplacementKey(processId, oldKey);
        var ballots = await db.BudgetBallots.Where(b => b.ProcessId == processId && b.ReplacementKey == replacementKey)
            .ExecuteDeleteAsync(cancellationToken);
        await db.VoterRecords.Where(v => v.ProcessId == processId && v.VoterKey == oldKey).ExecuteDeleteAsync(cancellationToken);
        return ballots > 0;
    }

    /// <summary>
    /// Registry and ballot in one statement: parallel casts by one voter queue on the registry row, so
    /// the time each holds it is one round trip. A person who voted on paper cannot vote online.
    /// </summary>
    private async Task<bool> RecordAsync(
        Guid processId, string voterKey, VoteChannel channel, List<BallotChoice> choices, string receipt, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(choices);
        var key = secrets.ReplacementKey(processId, voterKey);
        var row = (await db.Database.SqlQuery<CastRow>($"""
            WITH voter AS (
                INSERT INTO app."VoterRecords" ("ProcessId", "VoterKey", "Channel", "FirstVotedAt", "LastVotedAt")
                VALUES ({processId}, {voterKey}, {channel.ToString()}, {now}, {now})
                ON CONFLICT ("ProcessId", "VoterKey") DO UPDATE SET "LastVotedAt" = EXCLUDED."LastVotedAt", "Channel" = EXCLUDED."Channel"
                    WHERE app."VoterRecords"."Channel" <> {VoteChannel.Paper.ToString()}
                RETURNING 1
            ), ballot AS (
                INSERT INTO app."BudgetBallots" ("Id", "ProcessId", "ReceiptCode", "Choices", "ReplacementKey", "CastAt")
                SELECT {Guid.CreateVersion7(now)}, {processId}, {receipt}, {json}::jsonb, {key}, {now} WHERE EXISTS (SELECT 1 FROM voter)
                ON CONFLICT ("ProcessId", "ReplacementKey") DO UPDATE
                    SET "ReceiptCode" = EXCLUDED."ReceiptCode", "Choices" = EXCLUDED."Choices", "CastAt" = EXCLUDED."CastAt"
                RETURNING (xmax <> 0) AS replaced
            )
            SELECT (SELECT count(*) FROM voter)::int AS "Recorded", coalesce((SELECT replaced FROM ballot), false) AS "Replaced"
            """).ToListAsync(cancellationToken)).Single();
        return row.Recorded == 1 ? row.Replaced : throw new ConflictException(l["VotedOnPaper"]);
    }

    internal sealed record CastRow(int Recorded, bool Replaced);
}
