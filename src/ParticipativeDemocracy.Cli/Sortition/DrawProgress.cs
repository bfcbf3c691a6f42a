namespace ParticipativeDemocracy.Cli.Sortition;

/// <summary>Status lines for long draws, on stderr and only when stderr is an interactive terminal.</summary>
internal sealed class DrawProgress(TextWriter error) : IProgress<string>
{
    public static DrawProgress? For(TextWriter error) =>
        ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected ? new DrawProgress(error) : null;

    public void Report(string value) => error.WriteLine($"pd: {value}");
}
