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
/// An officer sets the budget, ballot rules, counting rule and voting dates; locked once voting opens.
/// Each change gets the next configuration version and an audit entry with the settings before and after.
/// </summary>
public static class ConfigureBudget
{
    public sealed record Command(
        Guid ProcessId,
        decimal Amount,
        string Currency,
        BudgetBallotKind BallotKind,
        int MinProjects,
        int? MaxProjects,
        bool MustFitBudget,
        decimal MinSpendShare,
        int? PointsToDistribute,
        BudgetCountingRule CountingRule,
        BudgetCompletion Completion,
        BudgetTieBreak TieBreak,
        long Seed,
        TallyVisibility TallyVisibility,
        DateTimeOffset VotingOpensAt,
        DateTimeOffset VotingClosesAt) : ICommand<Configured>;

    public sealed record Configured(Guid ProcessId, int ConfigurationVersion);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Amount).GreaterThan(0).LessThan(1_000_000_000_000m);
            RuleFor(c => c.Currency).NotEmpty().Length(3).Matches("^[A-Z]{3}$").WithMessage("Use a three-letter currency code such as GBP.");
            RuleFor(c => c.BallotKind).IsInEnum();
            RuleFor(c => c.CountingRule).IsInEnum();
            RuleFor(c => c.Completion).IsInEnum();
            RuleFor(c => c.TieBreak).IsInEnum();
            RuleFor(c => c.TallyVisibility).IsInEnum();
            RuleFor(c => c.MinProjects).GreaterThanOrEqualTo(0);
            RuleFor(c => c.MaxProjects).GreaterThanOrEqualTo(c => Math.Max(1, c.MinProjects)).When(c => c.MaxProjects.HasValue)
                .WithMessage("The most projects a voter may choose must be at least the fewest (and at least 1).");
            RuleFor(c => c.MinSpendShare).InclusiveBetween(0m, 1m);
            RuleFor(c => c.MinSpendShare).Equal(0m).When(c => !c.MustFitBudget)
                .WithMessage("A minimum share of the budget to spend only applies when choices must fit the budget.");
            RuleFor(c => c.PointsToDistribute).NotNull().GreaterThan(0).When(c => c.BallotKind == BudgetBallotKind.Cumulative)
                .WithMessage("Cumulative ballots need the number of points each voter distributes.");
            RuleFor(c => c.Completion).Equal(BudgetCompletion.None).When(c => c.CountingRule != BudgetCountingRule.EqualShares)
                .WithMessage("Completions apply to the Method of Equal Shares only.");
            RuleFor(c => c.VotingClosesAt).GreaterThan(c => c.VotingOpensAt).WithMessage("Voting must close after it opens.");
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, AuditTrail audit) : ICommandHandler<Command, Configured>
    {
        public async ValueTask<Configured> Handle(Command command, CancellationToken cancellationToken)
        {
            await BudgetPhase.EnsureBudgetProcessAsync(db, command.ProcessId, cancellationToken);
            var settings = await db.BudgetSettings.SingleOrDefaultAsync(b => b.ProcessId == command.ProcessId, cancellationToken);
            var before = settings is null ? null : Snapshot(settings);
            if (settings is null)
            {
                settings = new BudgetSettings { ProcessId = command.ProcessId };
                db.BudgetSettings.Add(settings);
            }
            else
            {
                BudgetPhase.EnsureNotLocked(settings, clock.GetUtcNow());
            }

            Apply(command, settings);
            await ApplyAmountAsync(command, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(nameof(ConfigureBudget), nameof(BudgetSettings), settings.ProcessId, before, Snapshot(settings), cancellationToken);
            return new Configured(settings.ProcessId, settings.ConfigurationVersion);
        }

        /// <summary>
        /// A process starts with one city-wide budget of the given amount, kept in step while it is the only
        /// one; with several, each budget's amount is set with the budgets and this amount must be their total.
        /// </summary>
        private async Task ApplyAmountAsync(Command command, CancellationToken cancellationToken)
        {
            var budgets = await db.ProcessBudgets.Where(b => b.ProcessId == command.ProcessId).ToListAsync(cancellationToken);
            switch (budgets.Count)
            {
                case 0:
                    var title = await db.Processes.Where(p => p.Id == command.ProcessId).Select(p => p.Title).SingleAsync(cancellationToken);
                    db.ProcessBudgets.Add(new ProcessBudget { Id = command.ProcessId, ProcessId = command.ProcessId, Name = title, Amount = command.Amount });
                    break;
                case 1:
                    budgets[0].Amount = command.Amount;
                    break;
                default:
                    var total = budgets.Sum(b => b.Amount);
                    if (total != command.Amount)
                    {
                        throw new ValidationException([new ValidationFailure("amount",
                            $"This process has {budgets.Count} budgets totalling {Money.Format(total, command.Currency)}: change each budget's amount with the budgets.")]);
                    }

                    break;
            }
        }

        private static object Snapshot(BudgetSettings s) => new
        {
            s.ConfigurationVersion, s.Amount, s.Currency, BallotKind = s.BallotKind.ToString(), s.MinProjects, s.MaxProjects,
            s.MustFitBudget, s.MinSpendShare, s.PointsToDistribute, CountingRule = s.CountingRule.ToString(),
            Completion = s.Completion.ToString(), TieBreak = s.TieBreak.ToString(), s.Seed,
            TallyVisibility = s.TallyVisibility.ToString(), s.VotingOpensAt, s.VotingClosesAt,
        };

        private static void Apply(Command c, BudgetSettings s)
        {
            (s.Amount, s.Currency, s.BallotKind, s.MinProjects, s.MaxProjects) = (c.Amount, c.Currency, c.BallotKind, c.MinProjects, c.MaxProjects);
            (s.MustFitBudget, s.MinSpendShare, s.PointsToDistribute) = (c.MustFitBudget, c.MinSpendShare, c.PointsToDistribute);
            (s.CountingRule, s.Completion, s.TieBreak, s.Seed) = (c.CountingRule, c.Completion, c.TieBreak, c.Seed);
            (s.TallyVisibility, s.VotingOpensAt, s.VotingClosesAt) = (c.TallyVisibility, c.VotingOpensAt, c.VotingClosesAt);
            s.ConfigurationVersion++;
        }
    }

    public static RouteGroupBuilder MapConfigureBudget(this RouteGroupBuilder group)
    {
        group.MapPut("/{processId:guid}/budget", async Task<Ok<Configured>> (Guid processId, Command command, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command with { ProcessId = processId }, ct)))
            .WithName(nameof(ConfigureBudget))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
