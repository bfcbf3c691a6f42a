using BenchmarkDotNet.Attributes;
using ParticipativeDemocracy.Voting;

namespace ParticipativeDemocracy.Benchmarks.Voting;

/// <summary>Every rule (completions included) on the largest shared Pabulib files; names match expected.json.</summary>
[MemoryDiagnoser]
public class CountingBenchmarks
{
    private Election _election = null!;
    private CountingOptions _options = null!;

    [Params(
        "Poland_Wroclaw_2018.pb",
        "Poland_Warszawa_2018_Praga-Poludnie.pb",
        "Poland_Wieliczka_2023_Green_Budget.pb",
        "Netherlands_Amsterdam_166.pb")]
    public string File { get; set; } = string.Empty;

    [Params(
        "greedy_cost",
        "mes_cost",
        "mes_cardinality",
        "mes_cost_add1",
        "mes_cost_add1_greedy",
        "mes_cost_add1_until_infeasible",
        "seq_phragmen")]
    public string Rule { get; set; } = string.Empty;

    [GlobalSetup]
    public void Load()
    {
        _election = PabulibReader.ReadFile(Path.Combine(PabulibData.Folder(), File));
        _options = PabulibData.Options(Rule);
    }

    [Benchmark]
    public CountingResult Count() => BudgetCounter.Count(_election, _options);
}
