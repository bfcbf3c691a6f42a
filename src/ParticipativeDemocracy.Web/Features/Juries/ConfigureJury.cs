using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Audit;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Juries;

namespace ParticipativeDemocracy.Web.Features.Juries;

/// <summary>
/// An officer sets the remit, panel size, features and quotas (player level included for vertical-slice
/// panels), recruitment window and response time. Audited; locked once the draw has run.
/// </summary>
public static class ConfigureJury
{
    public sealed record Command(
        Guid ProcessId,
        string Remit,
        int PanelSize,
        IReadOnlyList<QuotaLine> Quotas,
        DateTimeOffset? RecruitmentOpensAt,
        DateTimeOffset? RecruitmentClosesAt,
        int ResponseDays = 7,
        string Algorithm = "Leximin",
        IReadOnlyList<ScheduledSession>? Schedule = null) : ICommand<Configured>;

    public sealed record Configured(Guid ProcessId, int ConfigurationVersion);

    private static readonly string[] Reserved = [DrawInputs.IdColumn, DrawInputs.HouseholdColumn];

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Remit).NotEmpty().MaximumLength(2000);
            RuleFor(c => c.PanelSize).InclusiveBetween(2, 500);
            RuleFor(c => c.ResponseDays).InclusiveBetween(1, 60);
            RuleFor(c => c.Algorithm).Must(a => a is "Leximin" or "Legacy").WithMessage("Choose Leximin or Legacy.");
            RuleFor(c => c.Quotas).NotEmpty().WithMessage("Add at least one feature with its quotas.");
            RuleForEach(c => c.Quotas).ChildRules(q =>
            {
                q.RuleFor(l => l.Category).NotEmpty().MaximumLength(60)
                    .Must(c => !Reserved.Contains(c.Trim(), StringComparer.OrdinalIgnoreCase)).WithMessage("'id' and 'household' are reserved column names.");
                q.RuleFor(l => l.Value).NotEmpty().MaximumLength(60);
                q.RuleFor(l => l.Min).GreaterThanOrEqualTo(0);
                q.RuleFor(l => l.Max).GreaterThanOrEqualTo(l => l.Min).WithMessage("The maximum must be at least the minimum.");
            });
            RuleFor(c => c.Quotas).Must(q => q.Select(l => (l.Category.Trim(), l.Value.Trim())).Distinct().Count() == q.Count)
                .When(c => c.Quotas is { Count: > 0 }).WithMessage("Each value of a feature may appear only once.");
            RuleFor(c => c.Schedule).Must(s => s is null || s.Count <= 30).WithMessage("Plan at most 30 sessions.");
            RuleForEach(c => c.Schedule).ChildRules(s =>
            {
                s.RuleFor(l => l.Title).NotEmpty().WithMessage("Give each session a title.").MaximumLength(200);
                s.RuleFor(l => l.EndsAt).GreaterThan(l => l.StartsAt).WithMessage("A session must end after it starts.");
            });
            RuleFor(c => c.RecruitmentClosesAt).GreaterThan(c => c.RecruitmentOpensAt)
                .When(c => c.RecruitmentOpensAt.HasValue && c.RecruitmentClosesAt.HasValue)
                .WithMessage("Recruitment must close after it opens.");
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, AuditTrail audit) : ICommandHandler<Command, Configured>
    {
        public async ValueTask<Configured> Handle(Command command, CancellationToken cancellationToken)
        {
            await JuryGuard.JuryProcessAsync(db, command.ProcessId, cancellationToken);
            await JuryGuard.LockAsync(db, command.ProcessId, cancellationToken);
            await JuryGuard.EnsureNotDrawnAsync(db, command.ProcessId, "the jury's settings", cancellationToken);
            var settings = await db.JurySettings.SingleOrDefaultAsync(s => s.ProcessId == command.ProcessId, cancellationToken);
            var quotas = await db.JuryQuotas.Where(q => q.ProcessId == command.ProcessId).OrderBy(q => q.Position).ToListAsync(cancellationToken);
            var before = settings is null ? null : Snapshot(settings, quotas);
            if (settings is null)
            {
                settings = new JurySettings { ProcessId = command.ProcessId, Remit = "" };
                db.JurySettings.Add(settings);
            }

            settings.Remit = command.Remit.Trim();
            settings.PanelSize = command.PanelSize;
            settings.RecruitmentOpensAt = command.RecruitmentOpensAt;
            settings.RecruitmentClosesAt = command.RecruitmentClosesAt;
            settings.ResponseDays = command.ResponseDays;
            settings.Algorithm = command.Algorithm;
            settings.Schedule = JurySchedule.Write(command.Schedule ?? []);
            settings.UpdatedAt = clock.GetUtcNow();
            settings.ConfigurationVersion++;
            db.JuryQuotas.RemoveRange(quotas);
            var fresh = command.Quotas.Select((q, i) => new JuryQuota
            {
                Id = Guid.CreateVersion7(), ProcessId = command.ProcessId, Position = i,
                Category = q.Category.Trim(), Value = q.Value.Trim(), Min = q.Min, Max = q.Max,
            }).ToList();
            db.JuryQuotas.AddRange(fresh);
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(nameof(ConfigureJury), "Jury", command.ProcessId, before, Snapshot(settings, fresh), cancellationToken);
            return new Configured(settings.ProcessId, settings.ConfigurationVersion);
        }

        private static object Snapshot(JurySettings s, IEnumerable<JuryQuota> quotas) => new
        {
            s.Remit, s.PanelSize, s.RecruitmentOpensAt, s.RecruitmentClosesAt, s.ResponseDays, s.Algorithm, Schedule = JurySchedule.Read(s.Schedule),
            Quotas = quotas.Select(q => new QuotaLine(q.Category, q.Value, q.Min, q.Max)).ToList(),
        };
    }

    public static RouteGroupBuilder MapConfigureJury(this RouteGroupBuilder group)
    {
        group.MapPut("/{processId:guid}", async Task<Ok<Configured>> (Guid processId, Command command, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command with { ProcessId = processId }, ct)))
            .WithName(nameof(ConfigureJury))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
