using System.Security.Cryptography;
using System.Text;
using ParticipativeDemocracy.Voting;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;
using VotingBallot = ParticipativeDemocracy.Voting.Ballot;
using VotingProject = ParticipativeDemocracy.Voting.Project;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>
/// Turns a budget's stored projects and ballots into the counting engine's election and back into
/// an anonymised Pabulib file (voter ids are receipt codes), so anyone can re-count and find their ballot.
/// </summary>
public static class BudgetElection
{
    /// <summary>One budget's election: its projects and ballots only (the caller filters), its amount and district.</summary>
    public static Election Build(
        BudgetSettings settings, ProcessBudget budget, string title, IReadOnlyList<BudgetProject> projects, IReadOnlyList<BudgetBallot> ballots)
    {
        var codeOf = projects.ToDictionary(p => p.Id, p => p.Code);
        var kind = settings.BallotKind switch
        {
            BudgetBallotKind.Cumulative => BallotKind.Cumulative,
            BudgetBallotKind.Ranking => BallotKind.Ordinal,
            _ => BallotKind.Approval,
        };
        var electionProjects = projects
            .OrderBy(p => p.Code, StringComparer.Ordinal)
            .Select(p => new VotingProject(p.Code, p.BallotCost, new Dictionary<string, string> { ["name"] = p.Title }))
            .ToList();
        var electionBallots = ballots
            .OrderBy(b => b.ReceiptCode, StringComparer.Ordinal)
            .Select(b => ToBallot(b, codeOf, kind))
            .ToList();
        var election = Election.Create(budget.Amount, kind, electionProjects, electionBallots);
        var meta = election.Meta.ToList();
        // A process's first budget is named after it, so its file reads (and hashes) as before budgets existed.
        meta[0] = new("description", budget.Name == title ? title : $"{title}: {budget.Name}");
        if (budget.District is { } district)
        {
            meta.Add(new("district", district));
        }

        meta.Add(new("currency", settings.Currency));
        if (kind == BallotKind.Cumulative)
        {
            meta.Add(new("max_sum_points", settings.PointsToDistribute?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "0"));
        }

        return election with { Meta = meta };
    }

    public static CountingOptions OptionsFor(BudgetSettings settings) => new(
        settings.CountingRule switch
        {
            BudgetCountingRule.EqualShares => CountingRule.EqualShares,
            BudgetCountingRule.Phragmen => CountingRule.Phragmen,
            _ => CountingRule.Greedy,
        },
        settings.BallotKind == BudgetBallotKind.Cumulative ? Utility.Points : Utility.Cost,
        (Completion)settings.Completion,
        settings.TieBreak == BudgetTieBreak.CostVotesLot ? TieBreak.CostVotesLot : TieBreak.ProjectId,
        unchecked((ulong)settings.Seed));

    public static string RuleName(CountingOptions options) => options.Rule switch
    {
        CountingRule.EqualShares when options.Completion != Completion.None => $"Method of Equal Shares ({options.Utility} utility, {options.Completion} completion)",
        CountingRule.EqualShares => $"Method of Equal Shares ({options.Utility} utility)",
        CountingRule.Phragmen => "Sequential Phragmén",
        _ => "Greedy",
    };

    /// <summary>For officers: the rules a council usually weighs, each with the budget's own utility, tie-break and seed.</summary>
    public static IReadOnlyList<CountingOptions> ComparisonsFor(BudgetSettings settings)
    {
        var configured = OptionsFor(settings);
        return
        [
            configured with { Rule = CountingRule.Greedy, Completion = Completion.None },
            configured with { Rule = CountingRule.EqualShares, Completion = Completion.None },
            configured with { Rule = CountingRule.EqualShares, Completion = Completion.Add1 },
            configured with { Rule = CountingRule.Phragmen, Completion = Completion.None },
        ];
    }

    public static string HashOf(string pabulib) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(pabulib)));

    private static VotingBallot ToBallot(BudgetBallot ballot, Dictionary<Guid, string> codeOf, BallotKind kind)
    {
        var ordered = kind == BallotKind.Ordinal ? ballot.Choices.OrderBy(c => c.Points).ToList() : ballot.Choices;
        var codes = ordered.Where(c => codeOf.ContainsKey(c.ProjectId)).Select(c => codeOf[c.ProjectId]).ToList();
        var points = kind == BallotKind.Cumulative
            ? ordered.Where(c => codeOf.ContainsKey(c.ProjectId)).Select(c => (long)c.Points).ToList()
            : null;
        return new VotingBallot(ballot.ReceiptCode, codes, points);
    }
}
