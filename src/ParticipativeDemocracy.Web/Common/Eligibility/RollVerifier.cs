using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Npgsql;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Configurations;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Resources;

namespace ParticipativeDemocracy.Web.Common.Eligibility;

/// <summary>
/// Links an account to the roll entry matching reference, date of birth and postcode. The unique index
/// on the entry, not this code, decides between simultaneous attempts.
/// </summary>
public sealed class RollVerifier(AppDbContext db, RollHasher hasher, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<VoterRollEntry> VerifyAsync(
        Guid userId, Guid rollId, string reference, DateOnly dateOfBirth, string postcode, CancellationToken cancellationToken)
    {
        var match = hasher.MatchHash(reference, dateOfBirth, postcode);
        var entry = await db.VoterRollEntries.AsNoTracking()
            .Where(e => e.RollId == rollId && e.MatchHash == match)
            .Join(db.VoterRolls.Where(r => r.Status == VoterRollStatus.Ready), e => e.RollId, r => r.Id, (e, _) => e)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new ValidationException([new ValidationFailure("reference", l["RollNoMatch"])]);

        db.RollVerifications.Add(new RollVerification
        {
            Id = Guid.CreateVersion7(), RollId = rollId, EntryId = entry.Id, UserId = userId, VerifiedAt = clock.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            throw new ConflictException(unique.ConstraintName == VoterRollConfiguration.OneEntryPerAccount
                ? l["RollAlreadyVerified"] : l["RollEntryTaken"]);
        }

        return entry;
    }
}
