using ParticipativeDemocracy.Voting;

namespace ParticipativeDemocracy.Cli.Voting;

/// <summary>The command-line names of rules, utilities, completions and tie-breaks.</summary>
internal static class TallyChoices
{
    public static readonly string[] Rules = ["greedy", "mes", "phragmen"];
    public static readonly string[] Utilities = ["cost", "cardinality", "points"];
    public static readonly string[] Completions = ["none", "add1", "add1-greedy", "add1-full"];
    public static readonly string[] TieBreaks = ["id", "cost-votes-lot"];
    public static readonly string[] Formats = ["text", "json"];

    public static CountingRule Rule(string name) => name switch
    {
        "greedy" => CountingRule.Greedy,
        "mes" => CountingRule.EqualShares,
        _ => CountingRule.Phragmen,
    };

    public static Utility Utility(string name) => name switch
    {
        "cardinality" => ParticipativeDemocracy.Voting.Utility.Cardinality,
        "points" => ParticipativeDemocracy.Voting.Utility.Points,
        _ => ParticipativeDemocracy.Voting.Utility.Cost,
    };

    public static Completion Completion(string name) => name switch
    {
        "add1" => ParticipativeDemocracy.Voting.Completion.Add1,
        "add1-greedy" => ParticipativeDemocracy.Voting.Completion.Add1Greedy,
        "add1-full" => ParticipativeDemocracy.Voting.Completion.Add1Full,
        _ => ParticipativeDemocracy.Voting.Completion.None,
    };

    public static TieBreak TieBreak(string name) =>
        name == "cost-votes-lot" ? ParticipativeDemocracy.Voting.TieBreak.CostVotesLot : ParticipativeDemocracy.Voting.TieBreak.ProjectId;

    public static string Name(CountingOptions options) => options.Rule switch
    {
        CountingRule.Greedy => "greedy",
        CountingRule.EqualShares => "mes",
        _ => "phragmen",
    };

    public static string Name(Completion completion) => Completions[(int)completion];

    public static string Name(Utility utility) => Utilities[(int)utility];

    public static string Name(TieBreak tieBreak) => TieBreaks[(int)tieBreak];
}
