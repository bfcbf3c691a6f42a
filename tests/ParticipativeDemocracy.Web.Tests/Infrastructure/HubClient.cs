using System.Net;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using ParticipativeDemocracy.Web.Realtime;

namespace ParticipativeDemocracy.Web.Tests.Infrastructure;

/// <summary>A real SignalR client on the test server's WebSocket transport.</summary>
public static class HubClient
{
    public static Task<HubConnection> ConnectAsync(PlatformFixture fixture, CancellationToken cancellationToken) =>
        ConnectAsync(fixture, ProcessHub.Path, cookies: null, cancellationToken);

    /// <summary>Connects as a signed-in user: the cookies of their HTTP session go with the WebSocket request.</summary>
    public static async Task<HubConnection> ConnectAsync(
        PlatformFixture fixture, string path, CookieContainer? cookies, CancellationToken cancellationToken)
    {
        var server = fixture.Factory.Server;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, path.TrimStart('/')), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.WebSocketFactory = async (context, ct) =>
                {
                    var client = server.CreateWebSocketClient();
                    if (cookies is not null)
                    {
                        client.ConfigureRequest = request => request.Headers.Cookie = cookies.GetCookieHeader(server.BaseAddress);
                    }

                    return await client.ConnectAsync(context.Uri, ct);
                };
            })
            .Build();
        await connection.StartAsync(cancellationToken);
        return connection;
    }
}
