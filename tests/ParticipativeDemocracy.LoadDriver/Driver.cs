using System.Globalization;
using Npgsql;

namespace ParticipativeDemocracy.LoadDriver;

/// <summary>
/// Casts ballots over HTTP with 50, 100 and 200 concurrent clients, runs pgbench inserting single rows
/// at the same concurrency on the same server, and measures ballot-to-viewer latency over SignalR.
/// Prints a Markdown report. Not a test: nothing here passes or fails on speed.
/// </summary>
internal static class Driver
{
    public static async Task<int> Main(string[] args)
    {
        var seconds = Option(args, "--seconds", 15);
        var viewers = Option(args, "--viewers", 1000);
        var clients = OptionList(args, "--clients", [50, 100, 200]);
        var server = Environment.GetEnvironmentVariable("PD_TEST_DB")
                     ?? throw new InvalidOperationException("Set PD_TEST_DB to a PostgreSQL server connection string.");
        var pgbench = Environment.GetEnvironmentVariable("PD_PGBENCH") ?? "/usr/lib/postgresql/15/bin/pgbench";

        await using var app = await BenchmarkApp.StartAsync(server);
        Console.WriteLine($"# Ballot load, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("| clients | app ballots/s | app p50 ms | app p99 ms | app errors | app+client CPU ms/ballot | app+client KB/ballot | PostgreSQL CPU ms/ballot | pgbench rows/s | pgbench p50 ms | pgbench p99 ms | app/pgbench |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var concurrency in clients)
        {
            var ballots = await BallotLoad.RunAsync(app, concurrency, TimeSpan.FromSeconds(seconds));
            NpgsqlConnection.ClearAllPools();
            var rows = await PgBench.RunAsync(pgbench, app.ConnectionString, concurrency, seconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {concurrency} | {ballots.PerSecond:F0} | {ballots.P50:F1} | {ballots.P99:F1} | {ballots.Errors} | {ballots.CpuMsPerRequest:F2} | {ballots.KilobytesPerRequest:F1} | {ballots.DatabaseCpuMsPerRequest:F2} | {rows.PerSecond:F0} | {rows.P50:F1} | {rows.P99:F1} | {ballots.PerSecond / rows.PerSecond:P0} |"));
        }

        Console.WriteLine();
        var ceiling = await BallotLoad.RunCeilingAsync(app, clients.Max(), TimeSpan.FromSeconds(seconds));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"HTTP ceiling (GET /health/live, {clients.Max()} clients, same pipeline and client): {ceiling.PerSecond:F0} requests/s, p50 {ceiling.P50:F1} ms, p99 {ceiling.P99:F1} ms, {ceiling.Errors} errors, {ceiling.CpuMsPerRequest:F2} ms of CPU and {ceiling.KilobytesPerRequest:F1} KB allocated a request."));
        Console.WriteLine();
        if (viewers == 0)
        {
            return 0;
        }

        var tally = await TallyLatency.RunAsync(app, viewers, rounds: 10);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Ballot committed → TallyChanged at {viewers} SignalR viewers ({tally.Samples} deliveries over 10 ballots, {tally.Missing} missing): p50 {tally.P50:F0} ms, p99 {tally.P99:F0} ms, max {tally.Max:F0} ms (the broadcaster coalesces every {Web.Realtime.TallyBroadcaster.Interval.TotalMilliseconds:F0} ms)."));
        return 0;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static int[] OptionList(string[] args, string name, int[] fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length
            ? args[at + 1].Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray()
            : fallback;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}

/// <summary>Throughput and latency of one run; latencies in milliseconds.</summary>
internal sealed record LoadResult(double PerSecond, double P50, double P99, int Errors)
{
    /// <summary>CPU time of this process (the app and its clients) per answered request; NaN for pgbench.</summary>
    public double CpuMsPerRequest { get; init; } = double.NaN;

    /// <summary>Bytes allocated by this process (the app and its clients) per answered request, in KB.</summary>
    public double KilobytesPerRequest { get; init; } = double.NaN;

    /// <summary>CPU time of the PostgreSQL processes per answered request.</summary>
    public double DatabaseCpuMsPerRequest { get; init; } = double.NaN;

    public static LoadResult From(List<double> latencies, TimeSpan elapsed, int errors)
    {
        latencies.Sort();
        return new LoadResult(latencies.Count / elapsed.TotalSeconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99), errors);
    }

    public static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
