using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Audit;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>
/// An officer sets the process's budgets: one city-wide and/or one per district, each with its name and
/// amount. The list replaces the previous one (an id keeps a budget; a budget left out goes). Proposals
/// move to the budget their district now picks. Locked once voting opens; versioned and audited.
/// </summary>
public static class SetBudgets
{
    public sealed record Command(Guid ProcessId, IReadOnlyList<BudgetInput> Budgets) : ICommand<BudgetsSet>;

    /// <summary><see cref="Id"/>: an existing budget to keep; null: a new one. <see cref="District"/> null or blank: city-wide.</summary>
    public sealed record BudgetInput(Guid? Id, string Name, decimal Amount, string? District);

    public sealed record Request(IReadOnlyList<BudgetInput> Budgets);

    public sealed record BudgetsSet(Guid ProcessId, int ConfigurationVersion, IReadOnlyList<BudgetView> Budgets);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Budgets).NotEmpty().WithMessage("A process needs at least one budget.")
                .Must(b => b.Count <= 50).WithMessage("A process can have at most 50 budgets.")
                .Must(b => b.Count(x => string.IsNullOrWhiteSpace(x.District)) <= 1).WithMessage("Only one budget can be city-wide (without a district).")
                .Must(b => b.Where(x => !string.IsNullOrWhiteSpace(x.District)).Select(x => x.District!.Trim().ToUpperInvariant()).Distinct().Count()
                           == b.Count(x => !string.IsNullOrWhiteSpace(x.District)))
                .WithMessage("Each district can have one budget only.")
                .When(c => c.Budgets is not null);
            RuleForEach(c => c.Budgets).ChildRules(budget =>
            {
                budget.RuleFor(b => b.Name).NotEmpty().WithMessage("Give each budget a name.").MaximumLength(200);
                budget.RuleFor(b => b.Amount).GreaterThan(0).LessThan(1_000_000_000_000m);
                budget.RuleFor(b => b.District).MaximumLength(100);
            });
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, AuditTrail audit) : ICommandHandler<Command, BudgetsSet>
    {
        public async ValueTask<BudgetsSet> Handle(Command command, CancellationToken cancellationToken)
        {
            await BudgetPhase.EnsureBudgetProcessAsync(db, command.ProcessId, cancellationToken);
            var settings = await BudgetPhase.LoadSettingsAsync(db, command.ProcessId, cancellationToken);
            BudgetPhase.EnsureNotLocked(settings, clock.GetUtcNow());
            var existing = await db.ProcessBudgets.Where(b => b.ProcessId == command.ProcessId).OrderBy(b => b.Position).ToListAsync(cancellationToken);
            var before = new { settings.ConfigurationVersion, Budgets = existing.Select(View).ToList() };
            var kept = Apply(command, existing);
            await MoveProjectsAsync(command.ProcessId, kept, cancellationToken);
            settings.Amount = kept.Sum(b => b.Amount);
            settings.ConfigurationVersion++;
            await db.SaveChangesAsync(cancellationToken);
            var after = kept.Select(View).ToList();
            await audit.RecordAsync(nameof(SetBudgets), nameof(BudgetSettings), command.ProcessId, before,
                new { settings.ConfigurationVersion, Budgets = after }, cancellationToken);
            return new BudgetsSet(command.ProcessId, settings.ConfigurationVersion, after);
        }

        private List<ProcessBudget> Apply(Command command, List<ProcessBudget> existing)
        {
            var kept = new List<ProcessBudget>();
            foreach (var (input, position) in command.Budgets.Select((b, i) => (b, i)))
            {
                var budget = input.Id is { } id
                    ? existing.FirstOrDefault(b => b.Id == id) ?? throw new ValidationException(
                        [new ValidationFailure($"budgets[{position}].id", "No budget of this process has this id; leave it out to add a budget.")])
                    : null;
                if (budget is null)
                {
                    budget = new ProcessBudget { Id = Guid.CreateVersion7(clock.GetUtcNow()), ProcessId = command.ProcessId, Name = "" };
                    db.ProcessBudgets.Add(budget);
                }

                budget.Name = input.Name.Trim();
                budget.Amount = input.Amount;
                budget.District = string.IsNullOrWhiteSpace(input.District) ? null : input.District.Trim();
                budget.Position = position;
                kept.Add(budget);
            }

            db.ProcessBudgets.RemoveRange(existing.Except(kept));
            return kept;
        }

        /// <summary>Live proposals must find a budget (400 naming one that would not); the others fall back to the first.</summary>
        private async Task MoveProjectsAsync(Guid processId, List<ProcessBudget> budgets, CancellationToken cancellationToken)
        {
            var projects = await db.BudgetProjects.Where(p => p.ProcessId == processId).ToListAsync(cancellationToken);
            var live = projects.Where(p => p.Status is ProposalStatus.Submitted or ProposalStatus.Feasible).ToList();
            if (!ProcessBudgets.Reassign(budgets, live, out var homeless))
            {
                throw new ValidationException([new ValidationFailure("budgets",
                    $"Proposal {homeless!.Code} is for {homeless.District ?? "no district"}, and no budget would take it: add that district or a city-wide budget.")]);
            }

            foreach (var project in projects.Except(live))
            {
                project.BudgetId = ProcessBudgets.ForDistrict(budgets, project.District)?.Id ?? budgets[0].Id;
            }
        }

        private static BudgetView View(ProcessBudget b) => new(b.Id, b.Name, b.Amount, b.District);
    }

    public static RouteGroupBuilder MapSetBudgets(this RouteGroupBuilder group)
    {
        group.MapPut("/{processId:guid}/budgets", async Task<Ok<BudgetsSet>> (Guid processId, Request request, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(processId, request.Budgets), ct)))
            .WithName(nameof(SetBudgets))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
