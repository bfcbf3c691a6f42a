using System.CommandLine;
using ParticipativeDemocracy.Voting;

namespace ParticipativeDemocracy.Cli.Tests.Tally;

/// <summary>Runs <c>pd</c> in-process with captured stdout and stderr.</summary>
internal static class PdRunner
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = PdCommand.Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    public static string WriteTemp(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"pd-tally-{Guid.NewGuid():N}.pb");
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A small election: 5 voters, budget 100; a popular 60, two niche 40s and an unloved 10.</summary>
    public static Election SmallElection() => Election.Create(
        100m,
        BallotKind.Approval,
        [new Project("a", 60m), new Project("b", 40m), new Project("c", 40m), new Project("d", 10m)],
        [
            new Ballot("v1", ["a", "b"]),
            new Ballot("v2", ["a"]),
            new Ballot("v3", ["a", "c"]),
            new Ballot("v4", ["c"]),
            new Ballot("v5", []),
        ]);
}
