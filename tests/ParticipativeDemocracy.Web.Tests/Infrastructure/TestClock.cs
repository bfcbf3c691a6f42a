namespace ParticipativeDemocracy.Web.Tests.Infrastructure;

/// <summary>A clock tests set and move; unlike FakeTimeProvider it may be put back between tests.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void SetUtcNow(DateTimeOffset now) => _now = now;

    public void Advance(TimeSpan by) => _now += by;
}
