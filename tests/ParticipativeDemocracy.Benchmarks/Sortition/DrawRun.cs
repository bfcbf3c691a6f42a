using System.Diagnostics;
using System.Globalization;
using ParticipativeDemocracy.Sortition;
using ParticipativeDemocracy.Sortition.Model;

namespace ParticipativeDemocracy.Benchmarks.Sortition;

/// <summary>
/// <c>draw INSTANCE [SEED]</c>: one complete LEXIMIN draw with its progress lines, wall and CPU time. For instances
/// whose single run takes too long for BenchmarkDotNet's repetitions, and to see where a draw spends its time.
/// </summary>
public static class DrawRun
{
    public static int Run(string[] args)
    {
        var name = args[1];
        var seed = args.Length > 2 ? ulong.Parse(args[2], CultureInfo.InvariantCulture) : 1UL;
        var problem = SortitionInstances.Load(name);
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var result = SortitionEngine.Draw(problem, new DrawOptions { Seed = seed, Progress = new Lines(wall) });
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: minimum probability {result.MinProbability:0.000000}, wall {wall.Elapsed.TotalSeconds:0.00} s, CPU {(process.TotalProcessorTime - cpu).TotalSeconds:0.00} s"));
        return 0;
    }

    private sealed class Lines(Stopwatch wall) : IProgress<string>
    {
        public void Report(string value) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{wall.Elapsed.TotalSeconds:0.0} s] {value}"));
    }
}
