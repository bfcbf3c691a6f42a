using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Audit;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;

namespace ParticipativeDemocracy.Web.Features.Eligibility;

/// <summary>An officer sets who may take part in a process: minimum age on a date, districts, roll or not.</summary>
public static class SetEligibilityRules
{
    public sealed record Command(Guid ProcessId, int? MinimumAge, DateOnly? AgeOnDate, IReadOnlyList<string>? Districts, bool RollRequired)
        : ICommand<Rules>;

    public sealed record Rules(Guid ProcessId, int? MinimumAge, DateOnly? AgeOnDate, IReadOnlyList<string> Districts, bool RollRequired);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.MinimumAge).InclusiveBetween(0, 120);
            RuleForEach(c => c.Districts).NotEmpty().MaximumLength(100);
            RuleFor(c => c.Districts).Must(d => d is null || d.Count <= 500).WithMessage("At most 500 districts.");
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, AuditTrail audit) : ICommandHandler<Command, Rules>
    {
        public async ValueTask<Rules> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!await db.Processes.AnyAsync(p => p.Id == command.ProcessId, cancellationToken))
            {
                throw new NotFoundException("Process", command.ProcessId);
            }

            var rules = await db.ProcessEligibility.SingleOrDefaultAsync(r => r.ProcessId == command.ProcessId, cancellationToken);
            var before = rules is null ? null : ToRules(rules);
            if (rules is null)
            {
                rules = new ProcessEligibility { ProcessId = command.ProcessId };
                db.ProcessEligibility.Add(rules);
            }

            rules.MinimumAge = command.MinimumAge;
            rules.AgeOnDate = command.AgeOnDate;
            rules.Districts = (command.Districts ?? []).Select(d => d.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            rules.RollRequired = command.RollRequired;
            rules.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            var after = ToRules(rules);
            await audit.RecordAsync(nameof(SetEligibilityRules), nameof(Process), command.ProcessId, before, after, cancellationToken);
            return after;
        }

        private static Rules ToRules(ProcessEligibility r) => new(r.ProcessId, r.MinimumAge, r.AgeOnDate, [.. r.Districts], r.RollRequired);
    }

    public sealed record Body(int? MinimumAge, DateOnly? AgeOnDate, IReadOnlyList<string>? Districts, bool RollRequired);

    public static RouteGroupBuilder MapSetEligibilityRules(this RouteGroupBuilder group)
    {
        group.MapPut("/", async Task<Ok<Rules>> (Guid processId, Body body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(processId, body.MinimumAge, body.AgeOnDate, body.Districts, body.RollRequired), ct)))
            .WithName(nameof(SetEligibilityRules))
            .ProducesValidationProblem()
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
