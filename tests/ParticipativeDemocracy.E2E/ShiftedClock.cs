namespace ParticipativeDemocracy.E2E;

/// <summary>Real time plus an offset a test may move forward (and must put back), so phases pass without waiting.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
