using Mediator;

namespace ParticipativeDemocracy.Web.Common.Behaviors;

/// <summary>
/// Notifications a handler raises are held here and published only once its transaction has
/// committed, so no one is told about a change that was rolled back.
/// </summary>
public sealed class AfterCommit
{
    private readonly List<INotification> _pending = [];

    public void Publish(INotification notification) => _pending.Add(notification);

    internal IReadOnlyList<INotification> Drain()
    {
        var drained = _pending.ToArray();
        _pending.Clear();
        return drained;
    }
}
