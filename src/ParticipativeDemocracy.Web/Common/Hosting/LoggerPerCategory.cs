using System.Collections.Concurrent;

namespace ParticipativeDemocracy.Web.Common.Hosting;

/// <summary>
/// Serilog's logger factory builds a new logger, with its own event-id cache, on every <c>CreateLogger</c> call, and
/// ASP.NET Core calls it for each request (every authentication handler asks for one). This keeps one logger per
/// category, as Microsoft's own factory does.
/// </summary>
internal sealed class LoggerPerCategory(ILoggerFactory inner) : ILoggerFactory
{
    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, inner.CreateLogger);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    /// <summary>Wraps the factory registered last, however it was registered.</summary>
    public static void Wrap(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(ILoggerFactory));
        services.Remove(registered);
        services.AddSingleton<ILoggerFactory>(provider => new LoggerPerCategory(Create(provider, registered)));
    }

    private static ILoggerFactory Create(IServiceProvider provider, ServiceDescriptor registered) => (ILoggerFactory)(
        registered.ImplementationInstance
        ?? registered.ImplementationFactory?.Invoke(provider)
        ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!));
}
