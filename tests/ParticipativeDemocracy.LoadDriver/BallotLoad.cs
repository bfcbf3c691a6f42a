using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace ParticipativeDemocracy.LoadDriver;

/// <summary>Closed-loop load: each client casts a ballot, waits for the answer, casts the next, each as a new voter.</summary>
internal static class BallotLoad
{
    public static Task<LoadResult> RunAsync(BenchmarkApp app, int clients, TimeSpan duration) =>
        RunAsync(app, clients, duration, random => Ballot(app, random));

    /// <summary>
    /// The same clients asking the cheapest endpoint (<c>GET /health/live</c>, through the whole middleware
    /// pipeline): what this machine's HTTP stack and client can do at all, whatever a ballot costs.
    /// </summary>
    public static Task<LoadResult> RunCeilingAsync(BenchmarkApp app, int clients, TimeSpan duration) =>
        RunAsync(app, clients, duration, _ => new HttpRequestMessage(HttpMethod.Get, "/health/live"));

    private static async Task<LoadResult> RunAsync(BenchmarkApp app, int clients, TimeSpan duration, Func<Random, HttpRequestMessage> next)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = app.BaseAddress,
        };
        // Warm up connections, the database's caches and the JIT: tiered compilation needs some seconds of load
        // before the code runs optimised, and a short warm-up understated the first concurrency level by half.
        await Measure(http, clients, TimeSpan.FromSeconds(10), next);
        return await Measure(http, clients, duration, next);
    }

    private static HttpRequestMessage Ballot(BenchmarkApp app, Random random)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/processes/{app.ProcessId}/ballots")
        {
            Content = JsonContent.Create(new { choices = Choices(app, random) }),
        };
        request.Headers.Add("Voting-Pass", app.NewPass());
        return request;
    }

    private static async Task<LoadResult> Measure(HttpClient http, int clients, TimeSpan duration, Func<Random, HttpRequestMessage> next)
    {
        var latencies = new List<double>[clients];
        var errors = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var databaseCpu = DatabaseCpu.Read();
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            var mine = latencies[client] = new List<double>(4096);
            var random = new Random(client);
            while (stopwatch.Elapsed < duration)
            {
                using var request = next(random);
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (response.StatusCode == HttpStatusCode.OK)
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
        return LoadResult.From(all, stopwatch.Elapsed, errors) with { CpuMsPerRequest = cpuPerRequest, DatabaseCpuMsPerRequest = databaseCpuPerRequest };
    }

    /// <summary>Three distinct projects: at most 3 × £170k, always within the £1m budget.</summary>
    private static object[] Choices(BenchmarkApp app, Random random) =>
        app.Projects.OrderBy(_ => random.Next()).Take(3).Select(id => (object)new { projectId = id }).ToArray();
}
