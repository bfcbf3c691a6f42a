using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;

namespace ParticipativeDemocracy.Web.Common.Eligibility;

public enum IneligibleReason
{
    NotSignedIn,
    NotOnRoll,
    TooYoung,
    AgeUnknown,
    OutsideDistricts,
    DistrictUnknown,
}

public sealed record EligibilityDecision(bool IsEligible, IReadOnlyList<IneligibleReason> Reasons)
{
    public static EligibilityDecision Eligible { get; } = new(true, []);
}

/// <summary>What is known about a person: from their roll entry, or from the district a voting code was issued for.</summary>
public sealed record PersonFacts(bool OnRoll, DateOnly? DateOfBirth, string? District);

/// <summary>A roll entry an account proved: the keyed hash of its reference identifies the person across accounts.</summary>
public sealed record VerifiedEntry(Guid EntryId, string ReferenceHash, DateOnly DateOfBirth, string? District);

/// <summary>A decision about one person and the roll entry it rests on: the one an account proved, or the one a paper ballot names.</summary>
public sealed record UserEligibility(EligibilityDecision Decision, VerifiedEntry? Entry);

/// <summary>What a decision about one person and one process rests on.</summary>
public sealed class EligibilityInputs
{
    public required Process Process { get; init; }

    public ProcessEligibility? Rules { get; init; }

    /// <summary>The roll entry the account proved; null for code holders and accounts without one.</summary>
    public VerifiedEntry? Entry { get; init; }
}

/// <summary>
/// Decides whether someone may take part in a process. Ballot, code and jury features call this
/// instead of reading the rules themselves, so the rules live in one place.
/// </summary>
public sealed class EligibilityService(AppDbContext db)
{
    public async Task<EligibilityDecision> CheckUserAsync(Guid processId, Guid? userId, CancellationToken cancellationToken)
    {
        if (userId is null)
        {
            await LoadAsync(processId, null, cancellationToken);
            return new EligibilityDecision(false, [IneligibleReason.NotSignedIn]);
        }

        return (await AssessUserAsync(processId, userId.Value, cancellationToken)).Decision;
    }

    /// <summary>The decision and the roll entry the account proved (on the process's roll, else its organisation's), if any.</summary>
    public async Task<UserEligibility> AssessUserAsync(Guid processId, Guid userId, CancellationToken cancellationToken) =>
        AssessUser(await LoadAsync(processId, userId, cancellationToken));

    /// <summary>
    /// A code holder. Officers print letters for the people on their roll who meet the process's rules,
    /// so the letter stands for the roll and age checks; the district the batch was issued for still counts.
    /// </summary>
    public async Task<EligibilityDecision> CheckCodeHolderAsync(Guid processId, string? district, CancellationToken cancellationToken) =>
        CheckCodeHolder(await LoadAsync(processId, null, cancellationToken), district);

    public static UserEligibility AssessUser(EligibilityInputs inputs) => AssessEntry(inputs.Rules, inputs.Process, inputs.Entry);

    public static EligibilityDecision CheckCodeHolder(EligibilityInputs inputs, string? district)
    {
        var districtsOnly = inputs.Rules is null ? null : new ProcessEligibility { ProcessId = inputs.Process.Id, Districts = inputs.Rules.Districts };
        return Decide(districtsOnly, inputs.Process, new PersonFacts(true, null, district));
    }

    /// <summary>
    /// The process, its rules and the roll entry the account proved, as one query: callers needing more
    /// (the ballot box) extend it, so a decision costs one round trip.
    /// </summary>
    public IQueryable<EligibilityInputs> Inputs(Guid processId, Guid? userId) =>
        db.Processes.AsNoTracking().Where(p => p.Id == processId).Select(p => new EligibilityInputs
        {
            Process = p,
            Rules = db.ProcessEligibility.FirstOrDefault(r => r.ProcessId == p.Id),
            Entry = (from v in db.RollVerifications
                     join e in db.VoterRollEntries on v.EntryId equals e.Id
                     join r in db.VoterRolls on v.RollId equals r.Id
                     where v.UserId == userId
                           && (r.ProcessId == p.Id || (r.ProcessId == null && r.OrganisationId == p.OrganisationId))
                     orderby r.ProcessId == null
                     select new VerifiedEntry(e.Id, e.ReferenceHash, e.DateOfBirth, e.District))
                .FirstOrDefault(),
        });

    private async Task<EligibilityInputs> LoadAsync(Guid processId, Guid? userId, CancellationToken cancellationToken) =>
        await Inputs(processId, userId).SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Process", processId);

    /// <summary>
    /// Paper ballots name roll references (as keyed hashes): the decision for each, under the same rules as an
    /// account that proved that entry — on the process's roll, else its organisation's. Two queries for any number.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, UserEligibility>> AssessReferencesAsync(
        Guid processId, IReadOnlyCollection<string> referenceHashes, CancellationToken cancellationToken)
    {
        var inputs = await LoadAsync(processId, null, cancellationToken);
        var (process, rules) = (inputs.Process, inputs.Rules);
        var found = await (
                from e in db.VoterRollEntries
                join r in db.VoterRolls on e.RollId equals r.Id
                where referenceHashes.Contains(e.ReferenceHash)
                      && (r.ProcessId == process.Id || (r.ProcessId == null && r.OrganisationId == process.OrganisationId))
                select new { OrganisationWide = r.ProcessId == null, e.Id, e.ReferenceHash, e.DateOfBirth, e.District })
            .ToListAsync(cancellationToken);
        return referenceHashes.Distinct(StringComparer.Ordinal).ToDictionary(hash => hash, hash =>
        {
            var entry = found.Where(e => e.ReferenceHash == hash).OrderBy(e => e.OrganisationWide)
                .Select(e => new VerifiedEntry(e.Id, e.ReferenceHash, e.DateOfBirth, e.District)).FirstOrDefault();
            return AssessEntry(rules, process, entry);
        }, StringComparer.Ordinal);
    }

    /// <summary>A person known by the roll entry they proved (an account) or named (a paper ballot); null: not on the roll.</summary>
    private static UserEligibility AssessEntry(ProcessEligibility? rules, Process process, VerifiedEntry? entry)
    {
        var facts = entry is null ? new PersonFacts(false, null, null) : new PersonFacts(true, entry.DateOfBirth, entry.District);
        return new UserEligibility(Decide(rules, process, facts), entry);
    }

    public static EligibilityDecision Decide(ProcessEligibility? rules, Process process, PersonFacts person)
    {
        if (rules is null)
        {
            return EligibilityDecision.Eligible;
        }

        var reasons = new List<IneligibleReason>();
        if (rules.RollRequired && !person.OnRoll)
        {
            reasons.Add(IneligibleReason.NotOnRoll);
        }

        if (rules.MinimumAge is { } minimum)
        {
            var on = rules.AgeOnDate ?? DateOnly.FromDateTime((process.OpensAt ?? process.CreatedAt).UtcDateTime);
            if (person.DateOfBirth is not { } born)
            {
                reasons.Add(IneligibleReason.AgeUnknown);
            }
            else if (born.AddYears(minimum) > on)
            {
                reasons.Add(IneligibleReason.TooYoung);
            }
        }

        if (rules.Districts.Count > 0)
        {
            if (person.District is null)
            {
                reasons.Add(IneligibleReason.DistrictUnknown);
            }
            else if (!rules.Districts.Contains(person.District, StringComparer.OrdinalIgnoreCase))
            {
                reasons.Add(IneligibleReason.OutsideDistricts);
            }
        }

        return reasons.Count == 0 ? EligibilityDecision.Eligible : new EligibilityDecision(false, reasons.Distinct().ToList());
    }
}
