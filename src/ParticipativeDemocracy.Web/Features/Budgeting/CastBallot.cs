using System.Security.Claims;
using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Behaviors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>
/// A voter casts or replaces their ballot. The ballot row holds no identity; the registry records
/// that the voter voted. One upsert per table keeps one live ballot per voter under any concurrency.
/// </summary>
public static class CastBallot
{
    public sealed record Command(Guid ProcessId, string VoterKey, IReadOnlyList<Choice> Choices) : ICommand<BallotReceipt>;

    public sealed record Choice(Guid ProjectId, int? Points);

    public sealed record Request(IReadOnlyList<Choice> Choices);

    public sealed record BallotReceipt(string ReceiptCode, DateTimeOffset CastAt, bool Replaced);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Choices).NotNull().WithMessage("Send your choices, even if there are none.");
            RuleFor(c => c.Choices.Count).LessThanOrEqualTo(500).OverridePropertyName(BallotRules.Field).When(c => c.Choices is not null);
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, BallotSecrets secrets, AfterCommit afterCommit)
        : ICommandHandler<Command, BallotReceipt>
    {
        public async ValueTask<BallotReceipt> Handle(Command command, CancellationToken cancellationToken)
        {
            var settings = await BudgetPhase.LoadSettingsAsync(db, command.ProcessId, cancellationToken);
            var now = clock.GetUtcNow();
            BudgetPhase.EnsureVotingOpen(settings, now);
            var onBallot = await db.BudgetProjects.AsNoTracking()
                .Where(p => p.ProcessId == command.ProcessId && p.Status == ProposalStatus.Feasible)
                .ToDictionaryAsync(p => p.Id, cancellationToken);
            var choices = command.Choices.Select((c, rank) => new BallotChoice(c.ProjectId, ChoicePoints(settings, c, rank))).ToList();
            var failures = BallotRules.Check(settings, onBallot, choices);
            if (failures.Count > 0)
            {
                throw new ValidationException(failures);
            }

            await RecordVoterAsync(command, now, cancellationToken);
            var receipt = BallotSecrets.NewReceiptCode();
            var replaced = await UpsertBallotAsync(command, choices, receipt, now, cancellationToken);
            afterCommit.Publish(new BallotCast(command.ProcessId));
            return new BallotReceipt(receipt, now, replaced);
        }

        /// <summary>Approval counts 1; ranking stores the rank, best first as 1; cumulative keeps the points.</summary>
        private static int ChoicePoints(BudgetSettings settings, Choice choice, int rank) => settings.BallotKind switch
        {
            BudgetBallotKind.Cumulative => choice.Points ?? 0,
            BudgetBallotKind.Ranking => rank + 1,
            _ => 1,
        };

        private Task<int> RecordVoterAsync(Command command, DateTimeOffset now, CancellationToken cancellationToken) =>
            db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO app."VoterRecords" ("ProcessId", "VoterKey", "FirstVotedAt", "LastVotedAt")
                VALUES ({command.ProcessId}, {command.VoterKey}, {now}, {now})
                ON CONFLICT ("ProcessId", "VoterKey") DO UPDATE SET "LastVotedAt" = EXCLUDED."LastVotedAt"
                """, cancellationToken);

        private async Task<bool> UpsertBallotAsync(
            Command command, List<BallotChoice> choices, string receipt, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var json = JsonSerializer.Serialize(choices);
            var key = secrets.ReplacementKey(command.ProcessId, command.VoterKey);
            var replaced = await db.Database.SqlQuery<bool>($"""
                INSERT INTO app."BudgetBallots" ("Id", "ProcessId", "ReceiptCode", "Choices", "ReplacementKey", "CastAt")
                VALUES ({Guid.CreateVersion7(now)}, {command.ProcessId}, {receipt}, {json}::jsonb, {key}, {now})
                ON CONFLICT ("ProcessId", "ReplacementKey") DO UPDATE
                    SET "ReceiptCode" = EXCLUDED."ReceiptCode", "Choices" = EXCLUDED."Choices", "CastAt" = EXCLUDED."CastAt"
                RETURNING (xmax <> 0) AS "Value"
                """).ToListAsync(cancellationToken);
            return replaced.Single();
        }
    }

    public static RouteGroupBuilder MapCastBallot(this RouteGroupBuilder group)
    {
        group.MapPost("/{processId:guid}/ballots", async Task<Ok<BallotReceipt>> (
                Guid processId, Request request, ClaimsPrincipal user, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(processId, VoterKeys.ForUser(CurrentUser.IdOf(user)), request.Choices), ct)))
            .WithName(nameof(CastBallot))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.SignedIn);
        return group;
    }
}

/// <summary>Raised after a ballot commits; the live tally coalesces these.</summary>
public sealed record BallotCast(Guid ProcessId) : INotification;

public static class VoterKeys
{
    public static string ForUser(Guid userId) => $"user:{userId:N}";
}
