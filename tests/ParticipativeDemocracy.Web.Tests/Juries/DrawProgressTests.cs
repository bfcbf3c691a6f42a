using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using ParticipativeDemocracy.Web.Features.Juries;
using ParticipativeDemocracy.Web.Realtime;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Juries;

public sealed class DrawProgressTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task Officers_watching_the_jury_receive_the_engines_progress_and_the_end_over_SignalR()
    {
        var jury = await JuryScenario.CreateAsync(Fixture);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await jury.ImportAsync(JuryScenario.PoolCsv(24))).StatusCode);
        await using var officer = await OfficerHubAsync();
        var updates = new ConcurrentQueue<DrawProgressUpdate>();
        officer.On<DrawProgressUpdate>(nameof(IProcessClient.DrawProgress), updates.Enqueue);
        await officer.InvokeAsync("WatchProcessAsOfficer", jury.ProcessId, Cancel);

        await using var stranger = await HubClient.ConnectAsync(Fixture, Cancel);
        await Assert.ThrowsAsync<HubException>(() => stranger.InvokeAsync("WatchProcessAsOfficer", jury.ProcessId, Cancel));

        var started = await jury.StartDrawAsync();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!updates.Any(u => u.Finished))
        {
            Assert.True(DateTime.UtcNow < deadline, "no final progress message arrived");
            await Task.Delay(100, Cancel);
        }

        var drawId = started.GetProperty("drawId").GetGuid();
        Assert.All(updates, u => Assert.Equal((jury.ProcessId, drawId), (u.ProcessId, u.DrawId)));
        Assert.Contains(updates, u => !u.Finished && u.Status == "Running" && u.Message.StartsWith("LEXIMIN", StringComparison.Ordinal));
        Assert.Equal("Succeeded", updates.Single(u => u.Finished).Status);
    }

    /// <summary>A SignalR client carrying a signed-in officer's cookie.</summary>
    private async Task<HubConnection> OfficerHubAsync()
    {
        await Fixture.CreateUserAsync("watcher@jury.example", JuryScenario.Password, "Officer");
        var cookies = new CookieContainerHandler();
        using var client = Fixture.Factory.CreateDefaultClient(cookies);
        await BrowserSession.SignInAsync(client, "watcher@jury.example", JuryScenario.Password);
        var server = Fixture.Factory.Server;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, ProcessHub.Path.TrimStart('/')), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.WebSocketFactory = async (context, ct) =>
                {
                    var socket = server.CreateWebSocketClient();
                    socket.ConfigureRequest = request => request.Headers.Cookie = cookies.Container.GetCookieHeader(server.BaseAddress);
                    return await socket.ConnectAsync(context.Uri, ct);
                };
            })
            .Build();
        await connection.StartAsync(Cancel);
        return connection;
    }
}
