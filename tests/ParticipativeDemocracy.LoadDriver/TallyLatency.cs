using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using ParticipativeDemocracy.Web.Features.Budgeting;
using ParticipativeDemocracy.Web.Realtime;

namespace ParticipativeDemocracy.LoadDriver;

internal sealed record LatencyResult(int Samples, int Missing, double P50, double P99, double Max);

/// <summary>
/// Viewers watch the process over WebSockets; one ballot is cast and committed (its HTTP answer is back),
/// and each viewer notes when a tally counting it arrives.
/// </summary>
internal static class TallyLatency
{
    public static async Task<LatencyResult> RunAsync(BenchmarkApp app, int viewers, int rounds)
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var expected = 0L;
        var committedAt = new ConcurrentDictionary<long, long>();
        var arrivals = new ConcurrentBag<(long Target, long At)>();
        var seen = new int[viewers];
        var connections = new List<HubConnection>(viewers);
        try
        {
            for (var batch = 0; batch < viewers; batch += 50)
            {
                connections.AddRange(await Task.WhenAll(Enumerable.Range(batch, Math.Min(50, viewers - batch)).Select(async viewer =>
                {
                    var connection = new HubConnectionBuilder()
                        .WithUrl(new Uri(app.BaseAddress, ProcessHub.Path.TrimStart('/')), o =>
                        {
                            o.Transports = HttpTransportType.WebSockets;
                            o.SkipNegotiation = true;
                        })
                        .Build();
                    connection.On<TallyView>(nameof(IProcessClient.TallyChanged), tally =>
                    {
                        var target = Interlocked.Read(ref expected);
                        if (tally.Ballots >= target && Interlocked.Exchange(ref seen[viewer], (int)target) < target)
                        {
                            arrivals.Add((target, Stopwatch.GetTimestamp()));
                        }
                    });
                    await connection.StartAsync();
                    await connection.InvokeAsync(nameof(ProcessHub.WatchProcess), app.ProcessId);
                    return connection;
                })));
            }

            var before = await http.GetFromJsonAsync<TallyView>($"/api/processes/{app.ProcessId}/tally", app.ApiJson);
            var count = before!.Ballots;
            for (var round = 0; round < rounds; round++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(600));
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/processes/{app.ProcessId}/ballots")
                {
                    Content = JsonContent.Create(new { choices = new[] { new { projectId = app.Projects[0] } } }),
                };
                request.Headers.Add("Voting-Pass", app.FreshPass());
                Interlocked.Exchange(ref expected, ++count);
                using var response = await http.SendAsync(request);
                response.EnsureSuccessStatusCode();
                committedAt[count] = Stopwatch.GetTimestamp();
                var deadline = Stopwatch.StartNew();
                while (seen.Count(s => s >= count) < viewers && deadline.Elapsed < TimeSpan.FromSeconds(10))
                {
                    await Task.Delay(10);
                }
            }
        }
        finally
        {
            await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
        }

        // A push can beat the HTTP answer back to the driver: that counts as 0 ms, not as negative.
        var sorted = arrivals.Select(a => Math.Max(0, Stopwatch.GetElapsedTime(committedAt[a.Target], a.At).TotalMilliseconds)).ToList();
        sorted.Sort();
        return new LatencyResult(sorted.Count, (viewers * rounds) - sorted.Count,
            LoadResult.Percentile(sorted, 0.50), LoadResult.Percentile(sorted, 0.99), sorted.Count == 0 ? double.NaN : sorted[^1]);
    }
}
