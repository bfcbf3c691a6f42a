using System.CommandLine;
using ParticipativeDemocracy.Voting;

namespace ParticipativeDemocracy.Cli.Voting;

/// <summary>Shared plumbing for the counting verbs: loading a file and turning failures into one line.</summary>
internal static class CountingCli
{
    public const int Failure = 1;

    public static Argument<FileInfo> FileArgument() => new("file") { Description = "A Pabulib .pb file." };

    /// <summary>Runs <paramref name="body"/>, reporting expected failures as one line on stderr, never a stack trace.</summary>
    public static int Guard(ParseResult parseResult, Func<TextWriter, int> body)
    {
        var error = parseResult.InvocationConfiguration.Error;
        try
        {
            return body(parseResult.InvocationConfiguration.Output);
        }
        catch (PabulibFormatException ex)
        {
            error.WriteLine($"pd: {ex.Message}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            error.WriteLine($"pd: {ex.Message}");
        }

        return Failure;
    }

    public static Election Load(FileInfo file, Progress progress)
    {
        if (!file.Exists)
        {
            throw new FileNotFoundException($"no such file: {file.FullName}");
        }

        progress.Report($"reading {file.Name}");
        try
        {
            return PabulibReader.ReadFile(file.FullName);
        }
        catch (PabulibFormatException ex)
        {
            throw new PabulibFormatException($"{file.Name}: {ex.Message}", ex);
        }
    }
}

/// <summary>Progress lines on stderr, only when stderr is an interactive terminal.</summary>
internal sealed class Progress(TextWriter error)
{
    private readonly bool _enabled = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;

    public void Report(string message)
    {
        if (_enabled)
        {
            error.WriteLine($"pd: {message}…");
        }
    }
}
