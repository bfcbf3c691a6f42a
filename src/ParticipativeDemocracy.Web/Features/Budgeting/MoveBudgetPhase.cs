using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using ParticipativeDemocracy.Web.Common.Audit;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>
/// An officer moves the start of a phase that has not started yet (409 otherwise); dated phases stay in
/// order. A new configuration version, audited with the dates before and after.
/// </summary>
public static class MoveBudgetPhase
{
    public sealed record Command(Guid ProcessId, BudgetPhaseKind Phase, DateTimeOffset StartsAt) : ICommand<Moved>;

    public sealed record Request(DateTimeOffset StartsAt);

    public sealed record Moved(Guid ProcessId, BudgetPhaseKind Phase, DateTimeOffset StartsAt, int ConfigurationVersion);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Phase).IsInEnum();
            RuleFor(c => c.StartsAt).GreaterThan(_ => clock.GetUtcNow()).WithMessage("A phase can only be moved to a time in the future.");
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, AuditTrail audit) : ICommandHandler<Command, Moved>
    {
        public async ValueTask<Moved> Handle(Command command, CancellationToken cancellationToken)
        {
            var settings = await BudgetPhase.LoadSettingsAsync(db, command.ProcessId, cancellationToken);
            if (BudgetPhases.HasStarted(settings, command.Phase, clock.GetUtcNow()))
            {
                throw new ConflictException($"The {command.Phase.ToString().ToLowerInvariant()} phase has started: it can no longer be moved.");
            }

            var before = Dates(settings);
            BudgetPhases.SetStart(settings, command.Phase, command.StartsAt);
            if (BudgetPhases.OrderProblem(settings) is { } problem)
            {
                throw new ValidationException([new ValidationFailure("startsAt", problem)]);
            }

            settings.ConfigurationVersion++;
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(nameof(MoveBudgetPhase), nameof(BudgetSettings), settings.ProcessId, before, Dates(settings), cancellationToken);
            return new Moved(settings.ProcessId, command.Phase, command.StartsAt, settings.ConfigurationVersion);
        }

        private static Dictionary<string, object?> Dates(BudgetSettings s)
        {
            var dates = Enum.GetValues<BudgetPhaseKind>().ToDictionary(p => p.ToString(), p => (object?)BudgetPhases.StartOf(s, p));
            dates["ConfigurationVersion"] = s.ConfigurationVersion;
            return dates;
        }
    }

    public static RouteGroupBuilder MapMoveBudgetPhase(this RouteGroupBuilder group)
    {
        group.MapPut("/{processId:guid}/budget/phases/{phase}", async Task<Ok<Moved>> (
                Guid processId, BudgetPhaseKind phase, Request request, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(processId, phase, request.StartsAt), ct)))
            .WithName(nameof(MoveBudgetPhase))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
