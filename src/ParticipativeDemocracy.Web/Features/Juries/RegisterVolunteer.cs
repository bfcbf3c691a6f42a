using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Eligibility;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Common.Hosting;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Juries;

namespace ParticipativeDemocracy.Web.Features.Juries;

/// <summary>
/// A resident volunteers for a jury through the open form, optionally with the code from their letter:
/// feature values, consent, availability and access needs. Only while recruitment is open.
/// </summary>
public static class RegisterVolunteer
{
    public sealed record Command(
        Guid ProcessId,
        string Name,
        string Email,
        IReadOnlyDictionary<string, string>? Features,
        string? AddressLine1,
        string? Postcode,
        bool Consent,
        string? Availability,
        string? AccessNeeds,
        string? Code,
        IReadOnlyList<int>? AvailableSessions = null) : ICommand<Registered>;

    public sealed record Registered(Guid Id, string Reference, string Source);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().WithMessage("Enter your name.").MaximumLength(200);
            RuleFor(c => c.Email).NotEmpty().WithMessage("Enter your e-mail address.").EmailAddress().MaximumLength(256);
            RuleFor(c => c.AddressLine1).MaximumLength(200);
            RuleFor(c => c.Postcode).MaximumLength(20);
            RuleFor(c => c.Consent).Equal(true).WithMessage("You need to agree to us keeping these answers for the draw.");
            RuleFor(c => c.Availability).MaximumLength(1000);
            RuleFor(c => c.AccessNeeds).MaximumLength(1000);
            RuleFor(c => c.Code).MaximumLength(40);
        }
    }

    public sealed class Handler(AppDbContext db, RollHasher hasher, TimeProvider clock) : ICommandHandler<Command, Registered>
    {
        public async ValueTask<Registered> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var settings = await JuryGuard.SettingsAsync(db, command.ProcessId, cancellationToken);
            EnsureRecruiting(settings, now);
            await JuryGuard.LockAsync(db, command.ProcessId, cancellationToken);
            await JuryGuard.EnsureNotDrawnAsync(db, command.ProcessId, "the pool", cancellationToken);
            var quotas = await db.JuryQuotas.Where(q => q.ProcessId == command.ProcessId)
                .Select(q => new QuotaLine(q.Category, q.Value, q.Min, q.Max)).ToListAsync(cancellationToken);
            var problems = VolunteerFeatures.Problems(command.Features, quotas)
                .Select(p => new ValidationFailure($"features.{p.Category}", p.Problem)).ToList();
            var sessions = JurySchedule.Read(settings.Schedule).Count;
            if (command.AvailableSessions?.Any(s => s < 1 || s > sessions) == true)
            {
                problems.Add(new ValidationFailure("availableSessions", "Choose only sessions from the jury's schedule."));
            }
            if (problems.Count > 0)
            {
                throw new ValidationException(problems);
            }

            var email = command.Email.Trim().ToLowerInvariant();
            if (await db.JuryVolunteers.AnyAsync(v => v.ProcessId == command.ProcessId && v.Email == email, cancellationToken))
            {
                throw new ConflictException("This e-mail address is already registered for this jury.");
            }

            var source = string.IsNullOrWhiteSpace(command.Code) ? VolunteerSource.Form : await RedeemAsync(command, now, cancellationToken);
            var id = Guid.CreateVersion7(now);
            var categories = quotas.Select(q => q.Category).ToHashSet(StringComparer.Ordinal);
            var volunteer = new JuryVolunteer
            {
                Id = id, ProcessId = command.ProcessId, Reference = $"web-{id.ToString("N")[^12..]}",
                Name = command.Name.Trim(), Email = email,
                Features = VolunteerFeatures.ToJson(command.Features!.Where(f => categories.Contains(f.Key)).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal)),
                AddressLine1 = command.AddressLine1?.Trim() ?? "", Postcode = command.Postcode?.Trim() ?? "",
                Consent = true, Availability = command.Availability?.Trim() ?? "", AccessNeeds = command.AccessNeeds?.Trim() ?? "",
                AvailableSessions = [.. (command.AvailableSessions ?? []).Distinct().Order()],
                Source = source, CreatedAt = now,
            };
            db.JuryVolunteers.Add(volunteer);
            await db.SaveChangesAsync(cancellationToken);
            return new Registered(volunteer.Id, volunteer.Reference, source.ToString());
        }

        private static void EnsureRecruiting(JurySettings settings, DateTimeOffset now)
        {
            if (settings.RecruitmentOpensAt is { } opens && now < opens)
            {
                throw new ConflictException(string.Create(CultureInfo.InvariantCulture, $"Registration opens on {opens:d MMMM yyyy}."));
            }

            if (settings.RecruitmentClosesAt is { } closes && now >= closes)
            {
                throw new ConflictException("Registration for this jury has closed.");
            }
        }

        /// <summary>One conditional UPDATE decides, as for voting codes: a letter's code registers one person.</summary>
        private async Task<VolunteerSource> RedeemAsync(Command command, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var hash = hasher.CodeHash(command.Code!.Trim());
            var won = await db.VotingCodes
                .Where(c => c.ProcessId == command.ProcessId && c.CodeHash == hash && c.RedeemedAt == null && c.ExpiresAt > now)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.RedeemedAt, now), cancellationToken);
            if (won == 1)
            {
                return VolunteerSource.Letter;
            }

            var known = await db.VotingCodes.AnyAsync(c => c.ProcessId == command.ProcessId && c.CodeHash == hash, cancellationToken);
            throw known
                ? new ConflictException("This code has already been used or has expired.")
                : new ValidationException([new ValidationFailure("code", "This code is not one of this jury's codes. Check it against your letter.")]);
        }
    }

    public static RouteGroupBuilder MapRegisterVolunteer(this RouteGroupBuilder group)
    {
        group.MapPost("/{processId:guid}/volunteers", async Task<Created<Registered>> (Guid processId, Command command, ISender sender, CancellationToken ct) =>
            {
                var registered = await sender.Send(command with { ProcessId = processId }, ct);
                return TypedResults.Created($"/api/juries/{processId}/volunteers/{registered.Id}", registered);
            })
            .WithName(nameof(RegisterVolunteer))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRateLimiting(RateLimits.CodeRedemption)
            .AllowAnonymous();
        return group;
    }
}
