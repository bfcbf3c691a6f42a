using System.Globalization;

namespace ParticipativeDemocracy.LoadDriver;

/// <summary>
/// CPU time of every PostgreSQL process on this machine, from /proc: the driver and the database share the
/// cores, so a rate alone cannot say which side a change made cheaper. Zero where /proc is missing.
/// </summary>
internal static class DatabaseCpu
{
    private const double TicksPerSecond = 100;

    public static TimeSpan Read()
    {
        if (!Directory.Exists("/proc"))
        {
            return TimeSpan.Zero;
        }

        var ticks = 0L;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            ticks += PostgresTicks(Path.Combine(dir, "stat"));
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>utime + stime of one process when it is a postgres process; the name sits in parentheses before them.</summary>
    private static long PostgresTicks(string statFile)
    {
        string stat;
        try
        {
            stat = File.ReadAllText(statFile);
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }

        var open = stat.IndexOf('(', StringComparison.Ordinal);
        var close = stat.LastIndexOf(')');
        if (open < 0 || close < open || stat[(open + 1)..close] != "postgres")
        {
            return 0;
        }

        var fields = stat[(close + 2)..].Split(' ');
        // After the name: state is field 3 of the file, utime 14 and stime 15.
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }
}
