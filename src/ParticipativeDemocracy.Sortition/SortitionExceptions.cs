namespace ParticipativeDemocracy.Sortition;

/// <summary>A bad value in an input file, located by file, 1-based line and column name.</summary>
public sealed class SortitionInputException(string file, int line, string column, string problem)
    : Exception($"{file}, line {line}, column '{column}': {problem}")
{
    public string File { get; } = file;

    public int Line { get; } = line;

    public string Column { get; } = column;

    public string Problem { get; } = problem;
}

/// <summary>The problem itself is malformed (e.g. panel size larger than the pool).</summary>
public sealed class SortitionProblemException(string message) : Exception(message);

/// <summary>A solver or the whole draw exceeded its time limit.</summary>
public sealed class SortitionTimeoutException(string message) : Exception(message);
