using System.CommandLine;
using ParticipativeDemocracy.Cli.Voting;
using ParticipativeDemocracy.Voting;

namespace ParticipativeDemocracy.Cli;

/// <summary><c>pd tally FILE.pb --rule …</c>: counts one election with one rule.</summary>
internal static class TallyCommand
{
    public static Command Create()
    {
        var file = CountingCli.FileArgument();
        var rule = Choice("--rule", "Counting rule.", TallyChoices.Rules, null);
        var utility = Choice("--utility", "What a funded project is worth to its supporters.", TallyChoices.Utilities, "cost");
        var completion = Choice("--completion", "How Equal Shares spends leftover money.", TallyChoices.Completions, "none");
        var tieBreak = Choice("--tie-break", "How exact ties are broken.", TallyChoices.TieBreaks, "id");
        var seed = new Option<ulong>("--seed") { Description = "Seed for the lot in the cost-votes-lot tie-break.", DefaultValueFactory = _ => 0 };
        var format = Choice("--format", "Output format.", TallyChoices.Formats, "text");
        var command = new Command("tally", "Count a participatory budget (Pabulib .pb file) with one rule.")
        {
            file, rule, utility, completion, tieBreak, seed, format,
        };
        command.SetAction(parseResult => CountingCli.Guard(parseResult, output =>
        {
            var progress = new Progress(parseResult.InvocationConfiguration.Error);
            var election = CountingCli.Load(parseResult.GetValue(file)!, progress);
            var options = new CountingOptions(
                TallyChoices.Rule(parseResult.GetValue(rule)!),
                TallyChoices.Utility(parseResult.GetValue(utility)!),
                TallyChoices.Completion(parseResult.GetValue(completion)!),
                TallyChoices.TieBreak(parseResult.GetValue(tieBreak)!),
                parseResult.GetValue(seed));
            progress.Report($"counting with {TallyChoices.Name(options)}");
            var result = BudgetCounter.Count(election, options);
            output.Write(parseResult.GetValue(format) == "json" ? TallyJson.Format(election, result) : TallyText.Format(election, result));
            return 0;
        }));
        return command;
    }

    private static Option<string> Choice(string name, string description, string[] choices, string? defaultValue)
    {
        var option = new Option<string>(name) { Description = description, Required = defaultValue is null };
        if (defaultValue is not null)
        {
            option.DefaultValueFactory = _ => defaultValue;
        }

        option.AcceptOnlyFromAmong(choices);
        return option;
    }
}
