namespace ParticipativeDemocracy.Voting;

/// <summary>A malformed Pabulib file; <see cref="LineNumber"/> is 1-based.</summary>
public sealed class PabulibFormatException : Exception
{
    public PabulibFormatException()
    {
    }

    public PabulibFormatException(string message)
        : base(message)
    {
    }

    public PabulibFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PabulibFormatException(int lineNumber, string problem)
        : base($"line {lineNumber}: {problem}")
    {
        LineNumber = lineNumber;
        Problem = problem;
    }

    public int LineNumber { get; }

    public string Problem { get; } = string.Empty;
}
