namespace ParticipativeDemocracy.Voting;

/// <summary>One non-blank record of a <c>;</c>-separated file and the line it starts on.</summary>
internal sealed record CsvRecord(int LineNumber, IReadOnlyList<string> Fields, bool WasQuoted);
