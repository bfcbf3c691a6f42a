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
        var seconds = Option(args, "--seconds", 30);
        var viewers = Option(args, "--viewers", 1000);
        var clients = OptionList(args, "--clients", [50, 100, 200]);
        var slice = Option(args, "--slice", 5);
        var server = Environment.GetEnvironmentVariable("PD_TEST_DB")
                     ?? throw new InvalidOperationException("Set PD_TEST_DB to a PostgreSQL server connection string.");
        var pgbench = Environment.GetEnvironmentVariable("PD_PGBENCH") ?? "/usr/lib/postgresql/15/bin/pgbench";

        await using var app = await BenchmarkApp.StartAsync(server);
        Console.WriteLine($"# Ballot load, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("| clients | app ballots/s | app p50 ms | app p99 ms | app errors | app+client CPU ms/ballot | app+client KB/ballot | PostgreSQL CPU ms/ballot | pgbench rows/s | pgbench p50 ms | pgbench p99 ms | app/pgbench | per slice pair | GCs/s, paused |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var concurrency in clients)
        {
            var (ballots, rows) = await InterleavedAsync(app, pgbench, concurrency, seconds, slice);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {concurrency} | {ballots.PerSecond:F0} | {ballots.P50:F1} | {ballots.P99:F1} | {ballots.Errors} | {ballots.CpuMsPerRequest:F2} | {ballots.KilobytesPerRequest:F1} | {ballots.DatabaseCpuMsPerRequest:F2} | {rows.PerSecond:F0} | {rows.P50:F1} | {rows.P99:F1} | {ballots.PerSecond / rows.PerSecond:P0} | {SliceRatios(ballots, rows)} | {ballots.CollectionsPerSecond:F1}, {ballots.GcPausePercent:F1} % |"));
        }

        Console.WriteLine();
        await using (var ceilingLoad = await BallotLoad.StartCeilingAsync(app, clients.Max()))
        {
            var ceiling = LoadSample.Pool([await ceilingLoad.MeasureAsync(TimeSpan.FromSeconds(seconds))]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"HTTP ceiling (GET /health/live, {clients.Max()} clients, same pipeline and client): {ceiling.PerSecond:F0} requests/s, p50 {ceiling.P50:F1} ms, p99 {ceiling.P99:F1} ms, {ceiling.Errors} errors, {ceiling.CpuMsPerRequest:F2} ms of CPU and {ceiling.KilobytesPerRequest:F1} KB allocated a request."));
        }

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

    /// <summary>
    /// Ballots and pgbench take turns in slices of <paramref name="slice"/> seconds, <paramref name="seconds"/> each in
    /// all. Run one after the other, the two halves met different machines: on this shared host pgbench alone moved
    /// between 9,700 and 13,700 rows/s within minutes, and that drift, not the code, decided the ratio of a run.
    /// </summary>
    private static async Task<(LoadResult Ballots, LoadResult Rows)> InterleavedAsync(
        BenchmarkApp app, string pgbench, int concurrency, int seconds, int slice)
    {
        var ballotSlices = new List<LoadSample>();
        var rowSlices = new List<LoadSample>();
        await using var load = await BallotLoad.StartBallotsAsync(app, concurrency);
        using var sampler = AllocationSampler.FromEnvironment();
        for (var done = 0; done < seconds; done += slice)
        {
            var length = Math.Min(slice, seconds - done);
            // Unmeasured: the app's pool reconnects after pgbench had the server.
            await load.MeasureAsync(TimeSpan.FromSeconds(1));
            sampler?.Record();
            ballotSlices.Add(await load.MeasureAsync(TimeSpan.FromSeconds(length)));
            sampler?.Pause();
            // pgbench needs the server's connection slots the app's idle pool holds.
            NpgsqlConnection.ClearAllPools();
            rowSlices.Add(await PgBench.RunAsync(pgbench, app.ConnectionString, concurrency, length));
        }

        sampler?.Print(ballotSlices.Sum(s => s.Latencies.Count));
        return (LoadSample.Pool(ballotSlices), LoadSample.Pool(rowSlices));
    }

    private static string SliceRatios(LoadResult ballots, LoadResult rows) =>
        string.Join(" ", ballots.Slices.Zip(rows.Slices, (b, r) => (b / r).ToString("P0", CultureInfo.InvariantCulture)));

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

    /// <summary>Share of the wall time this process was paused for garbage collection.</summary>
    public double GcPausePercent { get; init; } = double.NaN;

    public double CollectionsPerSecond { get; init; } = double.NaN;

    /// <summary>The rate of each slice the run was pooled from, in the order they ran.</summary>
    public IReadOnlyList<double> Slices { get; init; } = [];

    public static LoadResult From(List<double> latencies, TimeSpan elapsed, int errors)
    {
        latencies.Sort();
        return new LoadResult(latencies.Count / elapsed.TotalSeconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99), errors);
    }

    public static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
