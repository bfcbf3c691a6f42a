using System.CommandLine;

namespace ParticipativeDemocracy.Cli.Tests.Draw;

/// <summary>Runs <c>pd</c> in-process with captured stdout and stderr, and finds the shared sortition pools.</summary>
internal static class DrawRunner
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
        var path = Path.Combine(Path.GetTempPath(), $"pd-draw-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A pool file of the Sortition engine's test data, e.g. <c>sf_fixture_22/features.csv</c>.</summary>
    public static string Pool(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "ParticipativeDemocracy.Sortition.Tests", "TestData", "sortition", relativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"sortition test data not found: {relativePath}");
    }
}
