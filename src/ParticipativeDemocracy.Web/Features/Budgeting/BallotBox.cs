using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Localization;
using Npgsql;
using ParticipativeDemocracy.Web.Common.Behaviors;
using ParticipativeDemocracy.Web.Common.Eligibility;
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
    AppDbContext db, EligibilityService eligibility, BallotFactsCache cache, TimeProvider clock, BallotSecrets secrets, BudgetVoters budgetVoters,
    BallotWriter writer, AfterCommit afterCommit, IStringLocalizer<SharedResource> l)
{
    /// <summary>Facts that went stale this many times in a row mean the budget is being reconfigured right now.</summary>
    private const int Attempts = 3;

    /// <summary>
    /// Reads the facts (<paramref name="entryOf"/>: the signed-in voter whose roll entry counts, null for a code
    /// holder), identifies the voter from them and casts. When the facts changed before the ballot was written,
    /// nothing was written: it starts again from fresh facts, so a ballot is never checked against stale rules.
    /// <paramref name="budgetId"/> null: the process's only budget, else the budget of the chosen projects.
    /// </summary>
    public async Task<BallotReceipt> CastAsync(
        Guid processId, Guid? entryOf, Func<BallotFacts, BallotVoter> voterOf, IReadOnlyList<CastChoice> cast, VoteChannel channel, Guid? budgetId,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var facts = await BallotFacts.LoadAsync(db, eligibility, cache, processId, entryOf, cancellationToken);
            if (await TryCastAsync(facts, voterOf(facts), cast, channel, budgetId, cancellationToken) is { } receipt)
            {
                return receipt;
            }

            cache.Forget(processId);
            if (attempt == Attempts)
            {
                throw new ConflictException(l["BallotFactsChanging"]);
            }
        }
    }

    /// <summary>
    /// Null when the facts are stale. Outside a transaction (online ballots) the ballot is written by one
    /// statement, atomic by itself; a transaction is opened only when a voter of unknown district picks a district budget.
    /// </summary>
    private async Task<BallotReceipt?> TryCastAsync(
        BallotFacts facts, BallotVoter voter, IReadOnlyList<CastChoice> cast, VoteChannel channel, Guid? budgetId, CancellationToken cancellationToken)
    {
        var settings = facts.BudgetSettings;
        var now = clock.GetUtcNow();
        BudgetPhase.EnsureVotingOpen(settings, now);
        var budget = PickBudget(facts.Budgets, budgetId, cast, facts.OnBallot);
        budgetVoters.EnsureMayVote(budget, voter);
        var inBudget = facts.OnBallotOf(budget.Id);
        var choices = cast.Select((c, rank) => new BallotChoice(c.ProjectId, ChoicePoints(settings, c, rank))).ToList();
        var failures = BallotRules.Check(settings, budget.Amount, inBudget, choices);
        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        var receipt = BallotSecrets.NewReceiptCode();
        await using var transaction = BudgetVoters.PicksOneDistrict(budget, voter) && db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        await budgetVoters.EnsureFirstDistrictAsync(budget, facts.Budgets, voter, cancellationToken);
        if (await RecordAsync(budget, voter, channel, choices, receipt, now, facts.Stamp, cancellationToken) is not { } replaced)
        {
            return null;
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        afterCommit.Publish(new BallotCast(facts.ProcessId));
        return new BallotReceipt(receipt, now, replaced, budget.Id);
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

    /// <summary>
    /// Registry and ballot in one statement: parallel casts by one voter queue on the registry row, so
    /// the time each holds it is one round trip. A person who voted on paper cannot vote online. When the
    /// person voted under another key before (their account, before proving a roll entry), that ballot
    /// and registry row go in the same statement. Outside a transaction the statement is shared with the
    /// ballots cast at the same moment (<see cref="BallotWriter"/>). Whether the ballot replaced one; null,
    /// with nothing written, when the database's facts no longer carry <paramref name="stamp"/>.
    /// </summary>
    private async Task<bool?> RecordAsync(
        ProcessBudget budget, BallotVoter voter, VoteChannel channel, List<BallotChoice> choices, string receipt, DateTimeOffset now, string stamp,
        CancellationToken cancellationToken)
    {
        var row = new BallotRow(
            Guid.CreateVersion7(now), budget.ProcessId, budget.Id, voter.VoterKey, channel, receipt, JsonSerializer.Serialize(choices),
            // The first budget's id is the process's, so single-budget processes keep the keys they always had.
            secrets.ReplacementKey(budget.Id, voter.VoterKey),
            // No earlier key: an empty one, which no registry row or ballot has.
            voter.SupersededKey ?? "",
            voter.SupersededKey is { } old ? secrets.ReplacementKey(budget.Id, old) : "",
            now,
            stamp);
        var outcome = (db.Database.CurrentTransaction is null ? await writer.WriteAsync(row) : null)
            ?? await WriteAloneAsync(row, cancellationToken);
        if (!outcome.Open)
        {
            throw new ConflictException(BallotBoxGate.ClosedMessage);
        }

        if (!outcome.Fresh)
        {
            return null;
        }

        return outcome.Recorded ? outcome.Replaced : throw new ConflictException(l["VotedOnPaper"]);
    }

    /// <summary>On the request's own connection, so a ballot inside a transaction (assisted, a first district pick) commits with it.</summary>
    private async Task<BallotOutcome> WriteAloneAsync(BallotRow row, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction;
            return (await BallotBatchStatement.ExecuteAsync((NpgsqlConnection)db.Database.GetDbConnection(), transaction, [row]))[0];
        }
        catch (PostgresException e) when (PaperOrOnline.IsViolation(e))
        {
            throw new ConflictException(l["VotedOnPaper"]);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
