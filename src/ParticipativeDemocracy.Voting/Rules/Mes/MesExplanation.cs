namespace ParticipativeDemocracy.Voting;

/// <summary>Plain-language lines for an Equal Shares result.</summary>
internal static class MesExplanation
{
    public static List<string> Header(CountingProfile profile, CountingOptions options, long extra, MesEngine engine)
    {
        var share = profile.Voters == 0 ? 0m : profile.Money.Round(profile.Budget, profile.Voters);
        var lines = new List<string>
        {
            $"Method of Equal Shares ({UtilityName(options.Utility)}): the budget of {Money(profile.Election.Budget)} is split equally among the {profile.Voters} voters, {Money(share)} each. "
                + "Each round funds the project its supporters can pay for at the lowest price per unit of benefit, shared as equally as their remaining money allows.",
        };
        if (options.Completion != Completion.None)
        {
            var final = profile.Voters == 0 ? 0m : profile.Money.Round(profile.Budget + (extra * profile.Money.Unit * profile.Voters), profile.Voters);
            lines.Add($"Completion {CompletionName(options.Completion)}: the share was raised by {extra} to {Money(final)} per voter (checked with {engine.Runs} runs, {engine.ExactRuns} of them redone in exact arithmetic); the outcome below is the one kept.");
        }

        return lines;
    }

    public static string Round(CountingProfile profile, MesRound round)
    {
        var project = profile.Election.Projects[round.Project];
        var payers = round.Supporters - round.FullPayers;
        var per = profile.Utility == Utility.Points ? " per point" : " each";
        var line = $"Round {round.Number}: funded {project.Id} ({project.Name}), cost {Money(project.Cost)}. Of its {round.Supporters} supporters, {payers} paid {Money(round.SharePerUtility)}{per}";
        return round.FullPayers == 0 ? line + "."
            : round.FullPayersPaid == 0 ? line + $"; {round.FullPayers} had no money left."
            : line + $"; {round.FullPayers} paid all they had left ({Money(round.FullPayersPaid)} together).";
    }

    public static string Shortfall(CountingProfile profile, MesShortfall shortfall)
    {
        var project = profile.Election.Projects[shortfall.Project];
        var reason = shortfall.Supporters == 0
            ? "nobody voted for it"
            : $"its {Supporters(shortfall.Supporters)} had {Money(shortfall.Left)} left; it needed {Money(project.Cost)}";
        return $"Not funded: {project.Id} ({project.Name}): {reason}.";
    }

    private static string Supporters(long count) => count == 1 ? "1 supporter" : $"{count} supporters";

    private static string UtilityName(Utility utility) => utility switch
    {
        Utility.Cost => "benefit = project cost",
        Utility.Cardinality => "benefit = 1 per funded project",
        _ => "benefit = the voter's points",
    };

    private static string CompletionName(Completion completion) => completion switch
    {
        Completion.Add1 => "add1 (raise each share by 1 until the outcome is exhaustive or the next step would overspend)",
        Completion.Add1Greedy => "add1, then greedy",
        _ => "add1-full (raise each share by 1 while the outcome stays within budget)",
    };

    private static string Money(decimal amount) => ScaledMoney.Format(amount);
}
