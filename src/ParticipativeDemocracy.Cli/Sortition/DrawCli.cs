using System.CommandLine;
using ParticipativeDemocracy.Sortition;
using ParticipativeDemocracy.Sortition.Feasibility;

namespace ParticipativeDemocracy.Cli.Sortition;

/// <summary>Turns every expected failure of a draw into one line on stderr and a non-zero exit code.</summary>
internal static class DrawCli
{
    public const int Failure = 1;
    public const int Infeasible = 2;

    public static int Guard(ParseResult parseResult, Func<TextWriter, int> body)
    {
        var error = parseResult.InvocationConfiguration.Error;
        try
        {
            return body(parseResult.InvocationConfiguration.Output);
        }
        catch (InfeasibleQuotasException ex)
        {
            error.WriteLine($"pd: {ex.Message}");
            return Infeasible;
        }
        catch (Exception ex) when (ex is SortitionInputException or SortitionProblemException or SortitionTimeoutException
                                       or IOException or UnauthorizedAccessException or ArgumentException)
        {
            error.WriteLine($"pd: {ex.Message}");
            return Failure;
        }
    }
}
