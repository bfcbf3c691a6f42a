using System.Buffers.Text;
using System.Net.Sockets;
using System.Text;

namespace ParticipativeDemocracy.LoadDriver;

/// <summary>
/// One keep-alive HTTP/1.1 connection that sends prepared requests and reads whole answers (Content-Length or
/// chunked), as wrk and pgbench do for their servers: the driver shares the two cores with the app and PostgreSQL,
/// and HttpClient's own CPU (a fifth of the process under load) was being counted against the app.
/// </summary>
internal sealed class LeanHttpConnection : IAsyncDisposable
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] LineEnd = "\r\n"u8.ToArray();
    private readonly Socket _socket;
    private byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    private LeanHttpConnection(Socket socket) => _socket = socket;

    public static async Task<LeanHttpConnection> OpenAsync(Uri server)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(server.Host, server.Port);
        return new LeanHttpConnection(socket);
    }

    /// <summary>A request's bytes: method, path, headers and an optional JSON body with its length.</summary>
    public static byte[] Request(Uri server, string method, string path, IEnumerable<(string Name, string Value)> headers, byte[]? body = null)
    {
        var head = new StringBuilder()
            .Append(method).Append(' ').Append(path).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(server.Authority).Append("\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        if (body is not null)
        {
            head.Append("Content-Type: application/json\r\nContent-Length: ").Append(body.Length).Append("\r\n");
        }

        var bytes = Encoding.ASCII.GetBytes(head.Append("\r\n").ToString());
        return body is null ? bytes : [.. bytes, .. body];
    }

    /// <summary>Sends one request and returns the answer's status code once its whole body has arrived.</summary>
    public async Task<int> SendAsync(ReadOnlyMemory<byte> request)
    {
        await _socket.SendAsync(request, SocketFlags.None);
        var headerEnd = await FillUntilAsync(HeaderEnd);
        var (status, chunked, length) = ParseHead(_buffer.AsSpan(_start, headerEnd - _start));
        _start = headerEnd + HeaderEnd.Length;
        if (chunked)
        {
            await SkipChunksAsync();
        }
        else
        {
            await SkipAsync(length);
        }

        return status;
    }

    public async ValueTask DisposeAsync()
    {
        await _socket.DisconnectAsync(reuseSocket: false);
        _socket.Dispose();
    }

    private async Task SkipChunksAsync()
    {
        while (true)
        {
            var lineEnd = await FillUntilAsync(LineEnd);
            var size = ChunkSize(_buffer.AsSpan(_start, lineEnd - _start));
            _start = lineEnd + 2;
            await SkipAsync(size + 2);
            if (size == 0)
            {
                return;
            }
        }
    }

    private async Task SkipAsync(int count)
    {
        while (_end - _start < count)
        {
            count -= _end - _start;
            _start = _end = 0;
            await ReceiveAsync();
        }

        _start += count;
    }

    /// <summary>Reads until <paramref name="marker"/> is buffered and returns where it starts.</summary>
    private async Task<int> FillUntilAsync(byte[] marker)
    {
        while (true)
        {
            var at = _buffer.AsSpan(_start, _end - _start).IndexOf(marker);
            if (at >= 0)
            {
                return _start + at;
            }

            await ReceiveAsync();
        }
    }

    private async Task ReceiveAsync()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = await _socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None);
        if (read == 0)
        {
            throw new IOException("The server closed the connection.");
        }

        _end += read;
    }

    private static (int Status, bool Chunked, int Length) ParseHead(ReadOnlySpan<byte> head)
    {
        var encoding = HeaderValue(head, "transfer-encoding"u8);
        var length = HeaderValue(head, "content-length"u8);
        return (ParseStatus(head), encoding.SequenceEqual("chunked"u8), Utf8Parser.TryParse(length, out int parsed, out _) ? parsed : 0);
    }

    /// <summary>A chunk's size line: hexadecimal digits, then perhaps extensions after ';'.</summary>
    private static int ChunkSize(ReadOnlySpan<byte> line) =>
        Utf8Parser.TryParse(line.Trim((byte)' '), out int size, out _, 'x') ? size : throw new IOException("A chunk size line did not parse.");

    private static int ParseStatus(ReadOnlySpan<byte> head) =>
        Utf8Parser.TryParse(head[(head.IndexOf((byte)' ') + 1)..], out int status, out _) ? status : 0;

    private static ReadOnlySpan<byte> HeaderValue(ReadOnlySpan<byte> head, ReadOnlySpan<byte> name)
    {
        foreach (var range in head.Split("\r\n"u8))
        {
            var line = head[range];
            var colon = line.IndexOf((byte)':');
            if (colon > 0 && Ascii.EqualsIgnoreCase(line[..colon], name))
            {
                return line[(colon + 1)..].Trim((byte)' ');
            }
        }

        return default;
    }
}
