using System.CommandLine;
using System.Security.Cryptography;
using ParticipativeDemocracy.Cli.Sortition;
using ParticipativeDemocracy.Sortition;
using ParticipativeDemocracy.Sortition.Model;

namespace ParticipativeDemocracy.Cli;

/// <summary><c>pd draw --categories FILE --respondents FILE --size K …</c>: draws a citizens' panel by lot.</summary>
internal static class DrawCommand
{
    public static Command Create()
    {
        var categories = new Option<FileInfo>("--categories") { Description = "Quota file: category,feature,min,max or feature,value,min,max[,min_flex,max_flex].", Required = true };
        var respondents = new Option<FileInfo>("--respondents") { Description = "Pool file: one row per respondent, a column per quota category.", Required = true };
        var size = new Option<int>("--size") { Description = "Panel size k.", Required = true };
        var seed = new Option<ulong?>("--seed") { Description = "Seed of the draw; the same seed and files give the same panel. Random (and printed) when omitted." };
        var algorithm = Choice("--algorithm", "leximin (fairest odds) or legacy (greedy, for comparison).", ["leximin", "legacy"], "leximin");
        var idColumn = new Option<string?>("--id-column") { Description = "Column holding respondent ids; without it, the 0-based data-row index is the id." };
        var addressColumns = new Option<string?>("--address-columns") { Description = "Comma-separated address columns; at most one person per identical address is drawn." };
        var format = Choice("--format", "Output format.", ["text", "json"], "text");
        var command = new Command("draw", "Draw a citizens' panel by stratified lottery (LEXIMIN, Flanigan et al. 2021).")
        {
            categories, respondents, size, seed, algorithm, idColumn, addressColumns, format,
        };
        command.SetAction(parseResult => DrawCli.Guard(parseResult, output =>
        {
            var input = new DrawInput(parseResult.GetValue(categories)!, parseResult.GetValue(respondents)!,
                parseResult.GetValue(idColumn), parseResult.GetValue(addressColumns));
            var problem = input.Load(parseResult.GetValue(size));
            // An omitted seed is drawn below 2^53 so that JSON readers in any language keep it exact.
            var options = new DrawOptions
            {
                Algorithm = parseResult.GetValue(algorithm) == "legacy" ? SelectionAlgorithm.Legacy : SelectionAlgorithm.Leximin,
                Seed = parseResult.GetValue(seed) ?? BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) >> 11,
                Progress = DrawProgress.For(parseResult.InvocationConfiguration.Error),
            };
            var result = SortitionEngine.Draw(problem, options);
            output.Write(parseResult.GetValue(format) == "json" ? DrawJson.Format(problem, result) : DrawText.Format(problem, result));
            return 0;
        }));
        return command;
    }

    private static Option<string> Choice(string name, string description, string[] choices, string defaultValue)
    {
        var option = new Option<string>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.AcceptOnlyFromAmong(choices);
        return option;
    }
}
