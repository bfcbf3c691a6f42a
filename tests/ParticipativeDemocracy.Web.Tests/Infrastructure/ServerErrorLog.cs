using System.Collections.Concurrent;
using System.Globalization;
using Serilog.Core;
using Serilog.Events;

namespace ParticipativeDemocracy.Web.Tests.Infrastructure;

/// <summary>
/// Errors the app under test logged, kept so that a test that sees a 500 can say what went wrong on the server
/// (the test host's console is not shown by the test runner). Also appended to the file named by
/// <c>PD_TEST_SERVER_LOG</c>, which deploy/local/test.sh prints when a run fails.
/// </summary>
public sealed class ServerErrorLog : ILogEventSink
{
    private static readonly ConcurrentQueue<string> Recent = new();
    private static readonly Lock FileLock = new();

    public void Emit(LogEvent logEvent)
    {
        // EF Core logs every failed command, including the unique violations that concurrency tests provoke and handlers answer.
        if (logEvent.Level < LogEventLevel.Error || IsFrom(logEvent, "Microsoft.EntityFrameworkCore"))
        {
            return;
        }

        var text = string.Create(CultureInfo.InvariantCulture,
            $"{logEvent.Timestamp:O} {logEvent.Level} {logEvent.RenderMessage(CultureInfo.InvariantCulture)}{Environment.NewLine}{logEvent.Exception}{Environment.NewLine}");
        Recent.Enqueue(text);
        while (Recent.Count > 20 && Recent.TryDequeue(out _))
        {
        }

        if (Environment.GetEnvironmentVariable("PD_TEST_SERVER_LOG") is { Length: > 0 } path)
        {
            lock (FileLock)
            {
                File.AppendAllText(path, text);
            }
        }
    }

    private static bool IsFrom(LogEvent logEvent, string prefix) =>
        logEvent.Properties.TryGetValue("SourceContext", out var source)
        && source is ScalarValue { Value: string name }
        && name.StartsWith(prefix, StringComparison.Ordinal);

    /// <summary>The latest server errors, newest last, for a failing assertion's message.</summary>
    public static string Latest(int count = 3) => string.Join(Environment.NewLine, Recent.TakeLast(count));
}
