using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
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

public sealed record BallotReceipt(string ReceiptCode, DateTimeOffset CastAt, bool Replaced, Guid BudgetId);

/// <summary>
/// Puts a ballot in the box for a voter the caller has already identified and found eligible. The
/// ballot row holds no identity; the registry records that the voter voted and through which channel.
/// One upsert per table keeps one live ballot per voter under any concurrency.
/// </summary>
public sealed class BallotBox(
    AppDbContext db, TimeProvider clock, BallotSecrets secrets, BudgetVoters budgetVoters, AfterCommit afterCommit, IStringLocalizer<SharedResource> l)
{
    /// <summary><paramref name="budgetId"/> null: the process's only budget, else the budget of the chosen projects.</summary>
    public async Task<BallotReceipt> CastAsync(
        Guid processId, BallotVoter voter, IReadOnlyList<CastChoice> cast, VoteChannel channel, Guid? budgetId, CancellationToken cancellationToken)
    {
        var settings = await BudgetPhase.LoadSettingsAsync(db, processId, cancellationToken);
        var now = clock.GetUtcNow();
        BudgetPhase.EnsureVotingOpen(settings, now);
        var budgets = await ProcessBudgets.LoadAsync(db, processId, cancellationToken);
        var onBallot = await db.BudgetProjects.AsNoTracking()
            .Where(p => p.ProcessId == processId && p.Status == ProposalStatus.Feasible)
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var budget = PickBudget(budgets, budgetId, cast, onBallot);
        await budgetVoters.EnsureMayVoteAsync(budget, budgets, voter, cancellationToken);
        var inBudget = onBallot.Where(p => p.Value.BudgetId == budget.Id).ToDictionary();
        var choices = cast.Select((c, rank) => new BallotChoice(c.ProjectId, ChoicePoints(settings, c, rank))).ToList();
        var failures = BallotRules.Check(settings, budget.Amount, inBudget, choices);
        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        var superseded = voter.SupersededKey is { } old && await RemoveSupersededAsync(budget, old, cancellationToken);
        var receipt = BallotSecrets.NewReceiptCode();
        var replaced = await RecordAsync(budget, voter.VoterKey, channel, choices, receipt, now, cancellationToken);
        afterCommit.Publish(new BallotCast(processId));
        return new BallotReceipt(receipt, now, replaced || superseded, budget.Id);
    }

    private static ProcessBudget PickBudget(
        List<ProcessBudget> budgets, Guid? budgetId, IReadOnlyList<CastChoice> cast, Dictionary<Guid, BudgetProject> onBallot)
    {
        if (budgetId is { } id)
        {
            return budgets.FirstOrDefault(b => b.Id == id) ?? throw new NotFoundException("Budget", id);
        }

        if (budgets.Count == 1)
        {
            return budgets[0];
        }

        var chosen = cast.Select(c => onBallot.GetValueOrDefault(c.ProjectId)?.BudgetId).FirstOrDefault(b => b is not null);
        return budgets.FirstOrDefault(b => b.Id == chosen) ?? throw new ValidationException(
            [new ValidationFailure("budgetId", "This process has several budgets: say which one this ballot is for.")]);
    }

    /// <summary>Approval counts 1; ranking stores the rank, best first as 1; cumulative keeps the points.</summary>
    private static int ChoicePoints(BudgetSettings settings, CastChoice choice, int rank) => settings.BallotKind switch
    {
        BudgetBallotKind.Cumulative => choice.Points ?? 0,
        BudgetBallotKind.Ranking => rank + 1,
        _ => 1,
    };

    /// <summary>The person voted under another key before (their account, before proving a roll entry): that ballot goes.</summary>
    private async Task<bool> RemoveSupersededAsync(ProcessBudget budget, string oldKey, CancellationToken cancellationToken)
    {
        var replacementKey = secrets.ReplacementKey(budget.Id, oldKey);
        var ballots = await db.BudgetBallots.Where(b => b.BudgetId == budget.Id && b.ReplacementKey == replacementKey)
            .ExecuteDeleteAsync(cancellationToken);
        await db.VoterRecords.Where(v => v.BudgetId == budget.Id && v.VoterKey == oldKey).ExecuteDeleteAsync(cancellationToken);
        return ballots > 0;
    }

    /// <summary>
    /// Registry and ballot in one statement: parallel casts by one voter queue on the registry row, so
    /// the time each holds it is one round trip. A person who voted on paper cannot vote online.
    /// </summary>
    private async Task<bool> RecordAsync(
        ProcessBudget budget, string voterKey, VoteChannel channel, List<BallotChoice> choices, string receipt, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var (processId, budgetId) = (budget.ProcessId, budget.Id);
        var json = JsonSerializer.Serialize(choices);
        // The first budget's id is the process's, so single-budget processes keep the keys they always had.
        var key = secrets.ReplacementKey(budgetId, voterKey);
        var row = await PaperOrOnline.SingleAsync(db.Database.SqlQuery<CastRow>($"""
            WITH voter AS (
                INSERT INTO app."VoterRecords" ("ProcessId", "BudgetId", "VoterKey", "Channel", "FirstVotedAt", "LastVotedAt")
                VALUES ({processId}, {budgetId}, {voterKey}, {channel.ToString()}, {now}, {now})
                ON CONFLICT ("BudgetId", "VoterKey") DO UPDATE SET "LastVotedAt" = EXCLUDED."LastVotedAt", "Channel" = EXCLUDED."Channel"
                    WHERE app."VoterRecords"."Channel" <> {VoteChannel.Paper.ToString()}
                RETURNING 1
            ), ballot AS (
                INSERT INTO app."BudgetBallots" ("Id", "ProcessId", "BudgetId", "ReceiptCode", "Choices", "ReplacementKey", "CastAt")
                SELECT {Guid.CreateVersion7(now)}, {processId}, {budgetId}, {receipt}, {json}::jsonb, {key}, {now} WHERE EXISTS (SELECT 1 FROM voter)
                ON CONFLICT ("BudgetId", "ReplacementKey") DO UPDATE
                    SET "ReceiptCode" = EXCLUDED."ReceiptCode", "Choices" = EXCLUDED."Choices", "CastAt" = EXCLUDED."CastAt"
                RETURNING (xmax <> 0) AS replaced
            )
            SELECT (SELECT count(*) FROM voter)::int AS "Recorded", coalesce((SELECT replaced FROM ballot), false) AS "Replaced"
            """), l["VotedOnPaper"], cancellationToken);
        return row.Recorded == 1 ? row.Replaced : throw new ConflictException(l["VotedOnPaper"]);
    }

    internal sealed record CastRow(int Recorded, bool Replaced);
}
