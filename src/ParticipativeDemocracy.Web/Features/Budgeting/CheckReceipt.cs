using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>
/// A voter checks that the ballot behind their receipt code is in the published count, and how it was
/// read. Only after the close, when the ballots are public anyway: before it, a lookup would leak a
/// hidden live tally to whoever holds codes.
/// </summary>
public static class CheckReceipt
{
    public sealed record Query(Guid ProcessId, string Code) : IQuery<ReceiptCheck>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Code).Must(c => Normalise(c).Length == BallotSecrets.ReceiptLength)
                .WithMessage($"A receipt code has {BallotSecrets.ReceiptLength} letters and digits.");
        }
    }

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, ReceiptCheck>
    {
        public async ValueTask<ReceiptCheck> Handle(Query query, CancellationToken cancellationToken)
        {
            var settings = await BudgetPhase.LoadSettingsAsync(db, query.ProcessId, cancellationToken);
            if (settings.CountedAt is null)
            {
                throw new ConflictException("Receipts can be checked once voting has closed and the ballots are counted and published.");
            }

            var code = Normalise(query.Code);
            var ballot = await db.BudgetBallots.AsNoTracking()
                .SingleOrDefaultAsync(b => b.ProcessId == query.ProcessId && b.ReceiptCode == code, cancellationToken)
                ?? throw new NotFoundException("Published ballot with receipt code", code);
            var budgetName = await db.ProcessBudgets.Where(b => b.Id == ballot.BudgetId).Select(b => b.Name).SingleAsync(cancellationToken);
            var chosen = ballot.Choices.Select(c => c.ProjectId).ToList();
            var projects = await db.BudgetProjects.AsNoTracking().Where(p => chosen.Contains(p.Id))
                .ToDictionaryAsync(p => p.Id, p => (p.Code, p.Title), cancellationToken);
            var choices = ballot.Choices
                .Select(c => new ReceiptChoice(projects[c.ProjectId].Code, projects[c.ProjectId].Title, c.Points))
                .ToList();
            return new ReceiptCheck(code, ballot.BudgetId, budgetName, settings.BallotKind, choices);
        }
    }

    /// <summary>People copy codes with spaces, dashes and lower case; the stored code has none.</summary>
    public static string Normalise(string? code) =>
        new((code ?? "").Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    public static RouteGroupBuilder MapCheckReceipt(this RouteGroupBuilder group)
    {
        group.MapGet("/{processId:guid}/receipts/{code}", async Task<Ok<ReceiptCheck>> (Guid processId, string code, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(processId, code), ct)))
            .WithName(nameof(CheckReceipt))
            .WithDescription("The published ballot behind a receipt code, as counted; after the close only.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .AllowAnonymous();
        return group;
    }
}

/// <summary>One published ballot; <see cref="ReceiptChoice.Points"/> is 1 for approval, the rank for ranking, the points for cumulative.</summary>
public sealed record ReceiptCheck(string ReceiptCode, Guid BudgetId, string BudgetName, BudgetBallotKind BallotKind, IReadOnlyList<ReceiptChoice> Choices);

public sealed record ReceiptChoice(string Code, string Title, int Points);
