namespace ParticipativeDemocracy.LoadDriver;

/// <summary>
/// What one slice of load measured, kept raw so slices can be pooled: latencies in milliseconds, and the CPU and
/// allocation of this process (the app and its clients) and of PostgreSQL over the slice.
/// </summary>
internal sealed record LoadSample(List<double> Latencies, TimeSpan Elapsed, int Errors)
{
    public TimeSpan Cpu { get; init; }

    public long Allocated { get; init; }

    public TimeSpan DatabaseCpu { get; init; }

    /// <summary>Time this process spent paused for garbage collection.</summary>
    public TimeSpan GcPause { get; init; }

    public int Collections { get; init; }

    /// <summary>All slices as one run: rates over the summed time, percentiles over every latency.</summary>
    public static LoadResult Pool(IReadOnlyList<LoadSample> samples)
    {
        var latencies = samples.SelectMany(s => s.Latencies).ToList();
        var answered = Math.Max(1, latencies.Count);
        var elapsed = TimeSpan.FromTicks(samples.Sum(s => s.Elapsed.Ticks));
        return LoadResult.From(latencies, elapsed, samples.Sum(s => s.Errors)) with
        {
            CpuMsPerRequest = samples.Sum(s => s.Cpu.TotalMilliseconds) / answered,
            KilobytesPerRequest = samples.Sum(s => s.Allocated) / 1024.0 / answered,
            DatabaseCpuMsPerRequest = samples.Sum(s => s.DatabaseCpu.TotalMilliseconds) / answered,
            GcPausePercent = samples.Sum(s => s.GcPause.Ticks) * 100.0 / Math.Max(1, elapsed.Ticks),
            CollectionsPerSecond = samples.Sum(s => s.Collections) / elapsed.TotalSeconds,
            Slices = samples.Select(s => s.Latencies.Count / s.Elapsed.TotalSeconds).ToArray(),
        };
    }
}
