using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ParticipativeDemocracy.Web.Common.Eligibility;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;
using ParticipativeDemocracy.Web.Resources;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>
/// What refuses keyed paper ballots before anything is stored: keying errors and voters who may not vote
/// here (400, naming each ballot), and voters who already voted (409). Breaking the ballot rules does not
/// refuse a ballot: it is a fact of the paper, and the ballot is counted as spoilt (ADR 0007).
/// </summary>
public sealed class PaperChecks(AppDbContext db, EligibilityService eligibility, RollHasher hasher, IStringLocalizer<BudgetText> t)
{
    /// <param name="field">The request field of a ballot, by its position: "ballots[2]", or "ballot".</param>
    /// <param name="elsewhere">References already at other places of the batch.</param>
    public async Task EnsureMayCountAsync(
        PaperScope scope, IReadOnlyList<PlacedBallot> ballots, IReadOnlyCollection<string> elsewhere, Func<int, string> field,
        CancellationToken cancellationToken)
    {
        var failures = ballots.SelectMany(b => KeyingErrors(scope, b, field(b.Position))).ToList();
        failures.AddRange(Repeated(ballots, elsewhere));
        var hashes = ballots.Select(b => hasher.ReferenceHash(b.Ballot.VoterReference)).ToList();
        var assessed = await eligibility.AssessReferencesAsync(scope.Batch.ProcessId, hashes, cancellationToken);
        var found = hashes.Select(h => assessed[h]).ToList();
        for (var i = 0; i < ballots.Count; i++)
        {
            failures.AddRange(IneligibleErrors(scope, ballots[i], found[i], field(ballots[i].Position)));
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        await EnsureNotVotedAsync(scope, ballots, hashes, found, cancellationToken);
    }

    private IEnumerable<ValidationFailure> KeyingErrors(PaperScope scope, PlacedBallot placed, string field)
    {
        var (ballot, name) = (placed.Ballot, Name(placed));
        var unknown = ballot.Projects.Where(c => !scope.ByCode.ContainsKey(c.Trim())).ToList();
        if (unknown.Count > 0)
        {
            yield return new ValidationFailure(field + ".projects", Format("PaperUnknownCodes", name, string.Join(", ", unknown)));
        }

        var numbered = ballot.Numbers is { Count: > 0 };
        if (scope.Settings.BallotKind == BudgetBallotKind.Cumulative && !numbered && ballot.Projects.Count > 0)
        {
            yield return new ValidationFailure(field + ".numbers", Format("PaperPointsNeeded", name));
        }
        else if (scope.Settings.BallotKind == BudgetBallotKind.Approval && numbered)
        {
            yield return new ValidationFailure(field + ".numbers", Format("PaperNoNumbers", name));
        }
    }

    private IEnumerable<ValidationFailure> Repeated(IReadOnlyList<PlacedBallot> ballots, IReadOnlyCollection<string> elsewhere)
    {
        var repeated = ballots.Select(b => b.Ballot.VoterReference).Concat(elsewhere)
            .GroupBy(RollHasher.Normalise).Where(g => g.Count() > 1).Select(g => g.First()).ToList();
        return repeated.Count == 0 ? [] : [new ValidationFailure("ballots", Format("PaperRepeated", string.Join(", ", repeated)))];
    }

    private IEnumerable<ValidationFailure> IneligibleErrors(PaperScope scope, PlacedBallot placed, UserEligibility found, string field)
    {
        if (!found.Decision.IsEligible)
        {
            var reasons = string.Join("; ", found.Decision.Reasons.Select(r => t["PaperIneligible" + r].Value));
            yield return new ValidationFailure(field + ".voterReference", Format("PaperNotEligible", Name(placed), reasons));
        }
        else if (found.Entry?.District is { } district && !BudgetVoters.MayVoteIn(scope.Budget.District, district))
        {
            yield return new ValidationFailure(field + ".voterReference",
                Format("PaperOtherDistrict", Name(placed), district, scope.Budget.Name, scope.Budget.District!));
        }
    }

    /// <summary>
    /// 409 for a person who voted online or assisted in any budget of the process, on paper in this budget, or
    /// — their district unknown — in another district's budget (one district budget only, as online).
    /// </summary>
    /// <param name="hashes">Each ballot's reference hash: its registry key is the roll key an online voter of that entry has.</param>
    private async Task EnsureNotVotedAsync(
        PaperScope scope, IReadOnlyList<PlacedBallot> ballots, List<string> hashes, List<UserEligibility> found,
        CancellationToken cancellationToken)
    {
        var keys = hashes.Select(VoterKeys.ForRollReference).ToList();
        var records = (await db.VoterRecords.AsNoTracking().Where(v => v.ProcessId == scope.Batch.ProcessId && keys.Contains(v.VoterKey))
            .Select(v => new { v.VoterKey, v.BudgetId, v.Channel }).ToListAsync(cancellationToken)).ToLookup(v => v.VoterKey);
        var districtBudgets = scope.Budgets.Where(b => b.District is not null && b.Id != scope.Budget.Id).ToDictionary(b => b.Id);
        var problems = new List<string>();
        for (var i = 0; i < ballots.Count; i++)
        {
            var (ballot, voted, districtKnown) = (ballots[i], records[keys[i]].ToList(), found[i].Entry?.District is not null);
            if (voted.Any(v => v.Channel != VoteChannel.Paper))
            {
                problems.Add(Format("PaperVotedOnline", Name(ballot)));
            }
            else if (voted.Any(v => v.BudgetId == scope.Budget.Id))
            {
                problems.Add(Format("PaperVotedOnPaper", Name(ballot)));
            }
            else if (scope.Budget.District is not null && !districtKnown
                     && voted.FirstOrDefault(v => districtBudgets.ContainsKey(v.BudgetId)) is { } other)
            {
                problems.Add(Format("PaperOneDistrictOnly", Name(ballot), districtBudgets[other.BudgetId].Name));
            }
        }

        if (problems.Count > 0)
        {
            throw new ConflictException(string.Join(" ", problems));
        }
    }

    /// <summary>"Ballot 3 (R-17)": officers find it by its place in the pile and the reference printed on it.</summary>
    private string Name(PlacedBallot placed) => Format("PaperBallotName", placed.Position + 1, placed.Ballot.VoterReference);

    private string Format(string key, params object[] arguments) => string.Format(CultureInfo.CurrentCulture, t[key], arguments);
}
