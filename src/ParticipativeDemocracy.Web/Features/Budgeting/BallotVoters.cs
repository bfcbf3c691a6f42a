using System.Globalization;
using Microsoft.Extensions.Localization;
using ParticipativeDemocracy.Web.Common.Eligibility;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Resources;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>
/// Who is voting, as the registry knows them. <see cref="VoterKey"/> decides "has voted";
/// <see cref="SupersededKey"/> is a key the same person may have voted under before (their account,
/// before they proved a roll entry), whose ballot this one replaces. <see cref="District"/> is known
/// from the roll entry or the code's batch.
/// </summary>
public sealed record BallotVoter(string VoterKey, string? SupersededKey, Guid? UserId, string? District);

/// <summary>Turns an account or a voting pass into a <see cref="BallotVoter"/>, refusing (403 with the reasons) anyone not eligible.</summary>
public sealed class BallotVoters(EligibilityService eligibility, VotingCodes codes, IStringLocalizer<SharedResource> l)
{
    public async Task<BallotVoter> ForUserAsync(Guid processId, Guid userId, CancellationToken cancellationToken) =>
        ForUser(await eligibility.AssessUserAsync(processId, userId, cancellationToken), userId);

    public async Task<BallotVoter> ForPassAsync(Guid processId, string pass, CancellationToken cancellationToken)
    {
        var holder = ReadPass(processId, pass);
        EnsureEligible(await eligibility.CheckCodeHolderAsync(processId, holder.District, cancellationToken));
        return ForHolder(holder);
    }

    /// <summary>The signed-in voter, from inputs read with their account (see <see cref="EligibilityService.Inputs"/>).</summary>
    public BallotVoter ForUser(EligibilityInputs inputs, Guid userId) => ForUser(EligibilityService.AssessUser(inputs), userId);

    /// <summary>A code holder whose pass <see cref="ReadPass"/> read, from inputs read without an account.</summary>
    public BallotVoter ForPass(EligibilityInputs inputs, (Guid CodeId, Guid ProcessId, string? District) holder)
    {
        EnsureEligible(EligibilityService.CheckCodeHolder(inputs, holder.District));
        return ForHolder(holder);
    }

    /// <summary>Refuses (403) a pass that is forged, expired or for another process, before anything is read.</summary>
    public (Guid CodeId, Guid ProcessId, string? District) ReadPass(Guid processId, string pass)
    {
        var holder = codes.ReadPass(pass) ?? throw new ForbiddenException(l["VotingPassInvalid"], ["InvalidPass"]);
        return holder.ProcessId == processId
            ? holder
            : throw new ForbiddenException(l["VotingPassOtherProcess"], ["PassForOtherProcess"]);
    }

    private BallotVoter ForUser(UserEligibility assessed, Guid userId)
    {
        EnsureEligible(assessed.Decision);
        var userKey = VoterKeys.ForUser(userId);
        // A roll entry outlives accounts: keying on it stops a deleted-and-recreated account voting twice.
        return assessed.Entry is { } entry
            ? new BallotVoter(VoterKeys.ForRollReference(entry.ReferenceHash), userKey, userId, entry.District)
            : new BallotVoter(userKey, null, userId, null);
    }

    private static BallotVoter ForHolder((Guid CodeId, Guid ProcessId, string? District) holder) => new(VoterKeys.ForCode(holder.CodeId), null, null, holder.District);

    /// <summary>The refusal for a ballot from someone neither signed in nor holding a pass.</summary>
    public ForbiddenException Nobody() =>
        new(string.Format(CultureInfo.CurrentCulture, l["BallotNotEligible"], l["IneligibleNotSignedIn"]),
            [nameof(IneligibleReason.NotSignedIn)]);

    private void EnsureEligible(EligibilityDecision decision)
    {
        if (decision.IsEligible)
        {
            return;
        }

        var reasons = string.Join("; ", decision.Reasons.Select(r => l["Ineligible" + r].Value));
        throw new ForbiddenException(string.Format(CultureInfo.CurrentCulture, l["BallotNotEligible"], reasons),
            decision.Reasons.Select(r => r.ToString()).ToList());
    }
}

/// <summary>The registry's keys: one per channel a person can prove themselves through.</summary>
public static class VoterKeys
{
    public static string ForUser(Guid userId) => $"user:{userId:N}";

    /// <summary>The roll reference's keyed hash, as the roll stores it; paper ballots keyed with the reference match it.</summary>
    public static string ForRollReference(string referenceHash) => $"roll:{referenceHash}";

    public static string ForCode(Guid codeId) => $"code:{codeId:N}";
}
