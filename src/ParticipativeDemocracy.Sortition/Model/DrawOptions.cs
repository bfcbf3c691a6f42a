namespace ParticipativeDemocracy.Sortition.Model;

/// <summary>How to draw. <see cref="Progress"/> receives short human-readable status lines.</summary>
public sealed record DrawOptions
{
    public SelectionAlgorithm Algorithm { get; init; } = SelectionAlgorithm.Leximin;

    public ulong Seed { get; init; }

    /// <summary>Panels drawn to estimate LEGACY's selection probabilities.</summary>
    public int LegacySamples { get; init; } = 2000;

    /// <summary>Upper bound on the whole LEXIMIN computation; exceeded ⇒ <see cref="SortitionTimeoutException"/>.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromMinutes(10);

    public IProgress<string>? Progress { get; init; }
}
