using System.Diagnostics;
using System.Runtime;
using System.Text.Json;

namespace ParticipativeDemocracy.LoadDriver;

/// <summary>
/// Closed-loop load: each client casts a ballot, waits for the answer, casts the next, each as a new voter. Requests
/// are prepared before the load (a browser builds its ballot on the voter's device, not on the server's cores).
/// </summary>
internal static class BallotLoad
{
    public static Task<LoadResult> RunAsync(BenchmarkApp app, int clients, TimeSpan duration)
    {
        var requests = BallotRequests(app);
        var next = -1;
        return RunAsync(app, clients, duration, () => requests[(int)((uint)Interlocked.Increment(ref next) % (uint)requests.Length)]);
    }

    /// <summary>
    /// The same clients asking the cheapest endpoint (<c>GET /health/live</c>, through the whole middleware
    /// pipeline): what this machine's HTTP stack and client can do at all, whatever a ballot costs.
    /// </summary>
    public static Task<LoadResult> RunCeilingAsync(BenchmarkApp app, int clients, TimeSpan duration)
    {
        var request = LeanHttpConnection.Request(app.BaseAddress, "GET", "/health/live", []);
        return RunAsync(app, clients, duration, () => request);
    }

    private static async Task<LoadResult> RunAsync(BenchmarkApp app, int clients, TimeSpan duration, Func<byte[]> next)
    {
        var connections = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => LeanHttpConnection.OpenAsync(app.BaseAddress)));
        try
        {
            await WarmUpAsync(connections, next);
            using var sampler = AllocationSampler.FromEnvironment();
            sampler?.Start();
            var result = await Measure(connections, duration, next);
            sampler?.StopAndPrint((int)(result.PerSecond * duration.TotalSeconds));
            return result;
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Warms up connections, the database's caches and the JIT: tiered compilation moves hot methods to optimised
    /// code in the background, and on a busy machine that took over a minute, so the load runs in 5-second rounds
    /// until a round compiles few methods (at most 2 minutes). A fixed 10 s understated throughput by half.
    /// </summary>
    private static async Task WarmUpAsync(LeanHttpConnection[] connections, Func<byte[]> next)
    {
        for (var round = 0; round < 24; round++)
        {
            var compiled = JitInfo.GetCompiledMethodCount();
            await Measure(connections, TimeSpan.FromSeconds(5), next);
            if (JitInfo.GetCompiledMethodCount() - compiled < 20)
            {
                return;
            }
        }
    }

    private static byte[][] BallotRequests(BenchmarkApp app)
    {
        var random = new Random(1);
        var path = $"/api/processes/{app.ProcessId}/ballots";
        return app.Passes.Select(pass => LeanHttpConnection.Request(app.BaseAddress, "POST", path, [("Voting-Pass", pass)],
            JsonSerializer.SerializeToUtf8Bytes(new { choices = Choices(app, random) }))).ToArray();
    }

    private static async Task<LoadResult> Measure(LeanHttpConnection[] connections, TimeSpan duration, Func<byte[]> next)
    {
        var latencies = new List<double>[connections.Length];
        var errors = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes();
        var databaseCpu = DatabaseCpu.Read();
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(connections.Select(async (connection, client) =>
        {
            var mine = latencies[client] = new List<double>(4096);
            while (stopwatch.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                var status = await connection.SendAsync(next());
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (status == 200)
                {
                    mine.Add(elapsed);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        var all = latencies.SelectMany(l => l).ToList();
        var answered = Math.Max(1, all.Count);
        var cpuPerRequest = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / answered;
        var databaseCpuPerRequest = (DatabaseCpu.Read() - databaseCpu).TotalMilliseconds / answered;
        var kilobytesPerRequest = (GC.GetTotalAllocatedBytes() - allocated) / 1024.0 / answered;
        return LoadResult.From(all, stopwatch.Elapsed, errors) with
        {
            CpuMsPerRequest = cpuPerRequest, DatabaseCpuMsPerRequest = databaseCpuPerRequest, KilobytesPerRequest = kilobytesPerRequest,
        };
    }

    /// <summary>Three distinct projects: at most 3 × £170k, always within the £1m budget.</summary>
    private static object[] Choices(BenchmarkApp app, Random random) =>
        app.Projects.OrderBy(_ => random.Next()).Take(3).Select(id => (object)new { projectId = id }).ToArray();
}
