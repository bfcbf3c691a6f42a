using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using ParticipativeDemocracy.Sortition;
using ParticipativeDemocracy.Sortition.Model;

namespace ParticipativeDemocracy.Benchmarks.Sortition;

/// <summary>
/// Wall-clock time of one complete draw (feasibility check, LEXIMIN, sampling) per instance. Each run is
/// seconds long, so BenchmarkDotNet's monitoring strategy measures single cold-ish invocations.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class SortitionBenchmarks
{
    private SortitionProblem? _problem;

    [Params("example_small_20", "sf_fixture_22", "synth_hh_40", "generated_2000_100_3cat", "generated_2000_100_4cat")]
    public string Instance { get; set; } = "";

    [GlobalSetup]
    public void Load() => _problem = SortitionInstances.Load(Instance);

    [Benchmark]
    public double Leximin() => SortitionEngine.Draw(_problem!, new DrawOptions { Seed = 1 }).MinProbability;

    [Benchmark]
    public double Legacy() =>
        SortitionEngine.Draw(_problem!, new DrawOptions { Algorithm = SelectionAlgorithm.Legacy, Seed = 1, LegacySamples = 1000 }).MinProbability;
}
