using System.Diagnostics;

namespace ParticipativeDemocracy.Sortition;

/// <summary>A wall-clock budget shared by every solver call of one draw, so a draw never hangs.</summary>
internal sealed class Deadline(TimeSpan budget)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public TimeSpan Remaining => budget - _clock.Elapsed;

    public TimeSpan Elapsed => _clock.Elapsed;

    public void ThrowIfExpired(string activity)
    {
        if (Remaining <= TimeSpan.Zero)
        {
            throw new SortitionTimeoutException(
                $"{activity} did not finish within the time limit of {budget.TotalSeconds:0.#} s");
        }
    }
}
