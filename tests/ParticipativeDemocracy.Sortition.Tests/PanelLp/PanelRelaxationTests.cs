using Google.OrTools.LinearSolver;
using ParticipativeDemocracy.Sortition.Leximin;
using ParticipativeDemocracy.Sortition.Leximin.PanelLp;
using ParticipativeDemocracy.Sortition.Model;
using ParticipativeDemocracy.Sortition.Tests.Support;

namespace ParticipativeDemocracy.Sortition.Tests.PanelLp;

/// <summary>The panel LP (size, quota and household rows) agrees with GLOP on the same rows through branch-and-bound bound changes.</summary>
public sealed class PanelRelaxationTests
{
    public static TheoryData<int> Seeds() => new(Enumerable.Range(1, 20));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Matches_glop_on_random_pools(int seed)
    {
        AssertSameThroughBranching(RandomPools.Create(seed), seed);
    }

    [Theory]
    [InlineData("sf_fixture_22")]
    [InlineData("synth_hh_40")]
    public void Matches_glop_on_the_shared_pools(string name)
    {
        AssertSameThroughBranching(Pools.Load(name).Problem, seed: 5);
    }

    private static void AssertSameThroughBranching(SortitionProblem problem, int seed)
    {
        var instance = Instance.Compile(problem);
        var simplex = PanelRelaxation.Create(instance)!;
        using var glop = Solver.CreateSolver("GLOP")!;
        var x = instance.Types.Select((t, i) => glop.MakeNumVar(0, t.Size, $"x{i}")).ToArray();
        PanelRows.Add(glop, instance, x);
        var random = new Random(seed);
        for (var round = 0; round < 10; round++)
        {
            var weights = instance.Types.Select(_ => random.Next(3) == 0 ? 0 : random.NextDouble()).ToArray();
            simplex.SetObjective(weights);
            var objective = glop.Objective();
            for (var t = 0; t < x.Length; t++)
            {
                objective.SetCoefficient(x[t], weights[t]);
                simplex.SetBounds(t, 0, instance.Types[t].Size);
                x[t].SetBounds(0, instance.Types[t].Size);
            }

            objective.SetMaximization();

            // A dive: fix the first fractional count down or up, as the branch and bound does, until integral or infeasible.
            for (var depth = 0; depth < 30; depth++)
            {
                var status = simplex.Solve();
                var expected = glop.Solve();
                Assert.Equal(expected == Solver.ResultStatus.INFEASIBLE, status == LpStatus.Infeasible);
                if (status != LpStatus.Optimal)
                {
                    Assert.Equal(LpStatus.Infeasible, status);
                    break;
                }

                Assert.Equal(objective.Value(), simplex.Objective, 7);
                var values = simplex.Values.ToArray();
                var branch = Array.FindIndex(values, v => Math.Abs(v - Math.Round(v)) > 1e-7);
                if (branch < 0)
                {
                    Assert.True(PanelRows.Hold(instance, values.Select(v => (int)Math.Round(v)).ToArray()));
                    break;
                }

                var bound = random.Next(2) == 0 ? (Lower: Math.Ceiling(values[branch]), Upper: simplex.Upper(branch)) : (Lower: simplex.Lower(branch), Upper: Math.Floor(values[branch]));
                simplex.SetBounds(branch, bound.Lower, bound.Upper);
                x[branch].SetBounds(bound.Lower, bound.Upper);
            }
        }
    }
}
