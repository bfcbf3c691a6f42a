using System.Diagnostics;
using System.Runtime;
using System.Text.Json;

namespace ParticipativeDemocracy.LoadDriver;

/// <summary>
/// Closed-loop load: each client casts a ballot, waits for the answer, casts the next, each as a new voter. Requests
/// are prepared before the load (a browser builds its ballot on the voter's device, not on the server's cores).
/// The clients stay connected and warm between the slices a run measures.
/// </summary>
internal sealed class BallotLoad : IAsyncDisposable
{
    private readonly LeanHttpConnection[] connections;
    private readonly Func<byte[]> next;

    private BallotLoad(LeanHttpConnection[] connections, Func<byte[]> next)
    {
        this.connections = connections;
        this.next = next;
    }

    /// <summary>Connected and warmed-up clients casting ballots.</summary>
    public static Task<BallotLoad> StartBallotsAsync(BenchmarkApp app, int clients)
    {
        var requests = BallotRequests(app);
        var next = -1;
        return StartAsync(app, clients, () => requests[(int)((uint)Interlocked.Increment(ref next) % (uint)requests.Length)]);
    }

    /// <summary>
    /// The same clients asking the cheapest endpoint (<c>GET /health/live</c>, through the whole middleware
    /// pipeline): what this machine's HTTP stack and client can do at all, whatever a ballot costs.
    /// </summary>
    public static Task<BallotLoad> StartCeilingAsync(BenchmarkApp app, int clients)
    {
        var request = LeanHttpConnection.Request(app.BaseAddress, "GET", "/health/live", []);
        return StartAsync(app, clients, () => request);
    }

    private static async Task<BallotLoad> StartAsync(BenchmarkApp app, int clients, Func<byte[]> next)
    {
        var load = new BallotLoad(await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => LeanHttpConnection.OpenAsync(app.BaseAddress))), next);
        try
        {
            await load.WarmUpAsync();
            return load;
        }
        catch
        {
            await load.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
    }

    /// <summary>
    /// Warms up connections, the database's caches and the JIT: tiered compilation moves hot methods to optimised
    /// code in the background, and on a busy machine that took over a minute, so the load runs in 5-second rounds
    /// until a round compiles few methods (at most 2 minutes). A fixed 10 s understated throughput by half.
    /// </summary>
    private async Task WarmUpAsync()
    {
        for (var round = 0; round < 24; round++)
        {
            var compiled = JitInfo.GetCompiledMethodCount();
            await MeasureAsync(TimeSpan.FromSeconds(5));
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

    public async Task<LoadSample> MeasureAsync(TimeSpan duration)
    {
        var latencies = new List<double>[connections.Length];
        var errors = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes();
        var databaseCpu = DatabaseCpu.Read();
        var paused = GC.GetTotalPauseDuration();
        var collections = GC.CollectionCount(0);
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
        return new LoadSample(latencies.SelectMany(l => l).ToList(), stopwatch.Elapsed, errors)
        {
            Cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu,
            Allocated = GC.GetTotalAllocatedBytes() - allocated,
            DatabaseCpu = DatabaseCpu.Read() - databaseCpu,
            GcPause = GC.GetTotalPauseDuration() - paused,
            Collections = GC.CollectionCount(0) - collections,
        };
    }

    /// <summary>Three distinct projects: at most 3 × £170k, always within the £1m budget.</summary>
    private static object[] Choices(BenchmarkApp app, Random random) =>
        app.Projects.OrderBy(_ => random.Next()).Take(3).Select(id => (object)new { projectId = id }).ToArray();
}
