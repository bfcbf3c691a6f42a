using System.Diagnostics;
using Mediator;

namespace ParticipativeDemocracy.Web.Common.Behaviors;

/// <summary>Logs each message with its duration; slow ones at warning level.</summary>
public sealed partial class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly TimeSpan SlowThreshold = TimeSpan.FromMilliseconds(500);

    private static readonly string Name = MessageName.Of(typeof(TMessage));

    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await next(message, cancellationToken);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (elapsed > SlowThreshold)
            {
                LogSlow(logger, Name, elapsed.TotalMilliseconds);
            }
            else
            {
                LogHandled(logger, Name, elapsed.TotalMilliseconds);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Handled {Message} in {ElapsedMs:0.0} ms")]
    private static partial void LogHandled(ILogger logger, string message, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slow message {Message} took {ElapsedMs:0.0} ms")]
    private static partial void LogSlow(ILogger logger, string message, double elapsedMs);
}

internal static class MessageName
{
    /// <summary>"CastBallot.Command" rather than "Command": slices nest their messages.</summary>
    public static string Of(Type type) =>
        type.DeclaringType is { } outer ? $"{outer.Name}.{type.Name}" : type.Name;
}
