using System.CommandLine;
using ParticipativeDemocracy.Cli.Voting;
using ParticipativeDemocracy.Voting;

namespace ParticipativeDemocracy.Cli;

/// <summary><c>pd compare FILE.pb</c>: the main rules side by side.</summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var file = CountingCli.FileArgument();
        var command = new Command("compare", "Show the winners under the main counting rules side by side.") { file };
        command.SetAction(parseResult => CountingCli.Guard(parseResult, output =>
        {
            var progress = new Progress(parseResult.InvocationConfiguration.Error);
            var election = CountingCli.Load(parseResult.GetValue(file)!, progress);
            var results = RuleComparison.MainRules.Select(rule =>
            {
                progress.Report($"counting with {rule.Label}");
                return (rule.Label, Result: BudgetCounter.Count(election, rule.Options));
            }).ToList();
            output.Write(RuleComparison.Format(election, results));
            return 0;
        }));
        return command;
    }
}
