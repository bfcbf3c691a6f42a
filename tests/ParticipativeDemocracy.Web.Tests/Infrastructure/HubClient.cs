using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using ParticipativeDemocracy.Web.Realtime;

namespace ParticipativeDemocracy.Web.Tests.Infrastructure;

/// <summary>A real SignalR client on the test server's WebSocket transport.</summary>
public static class HubClient
{
    public static async Task<HubConnection> ConnectAsync(PlatformFixture fixture, CancellationToken cancellationToken)
    {
        var server = fixture.Factory.Server;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, ProcessHub.Path.TrimStart('/')), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.WebSocketFactory = async (context, ct) => await server.CreateWebSocketClient().ConnectAsync(context.Uri, ct);
            })
            .Build();
        await connection.StartAsync(cancellationToken);
        return connection;
    }
}
