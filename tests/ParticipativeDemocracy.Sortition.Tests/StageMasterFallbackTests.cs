using ParticipativeDemocracy.Sortition.Leximin;
using ParticipativeDemocracy.Sortition.Tests.Support;

namespace ParticipativeDemocracy.Sortition.Tests;

/// <summary>When the dedicated simplex gives up, the master switches to GLOP and still gives the optimum.</summary>
public sealed class StageMasterFallbackTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(11)]
    public void A_master_whose_simplex_gives_up_answers_through_glop(int seed)
    {
        var instance = Instance.Compile(RandomPools.Create(seed));
        using var oracle = new PanelOracle(instance, TimeSpan.FromMinutes(1));
        using var dedicated = new StageMaster(instance);
        using var givingUp = new StageMaster(instance, iterationCap: 1);
        var random = new Random(seed);
        var panels = new HashSet<string>();
        for (var i = 0; i < 40; i++)
        {
            var panel = oracle.Best([.. instance.Types.Select(_ => random.NextDouble())]);
            if (panel is not null && panels.Add(string.Join(',', panel)))
            {
                dedicated.AddColumn(panel);
                givingUp.AddColumn(panel);
            }
        }

        var stage = new double?[instance.Types.Count];
        dedicated.SetStage(stage);
        givingUp.SetStage(stage);
        var expected = dedicated.Solve(TimeSpan.FromMinutes(1));
        var actual = givingUp.Solve(TimeSpan.FromMinutes(1));

        Assert.False(dedicated.OnGlop);
        Assert.True(givingUp.OnGlop);
        Assert.Equal(expected.Value, actual.Value, 7);
        Assert.Equal(1, actual.Support.Sum(p => p.Probability), 7);
        Assert.Equal(1, actual.Y.Sum(), 6);

        // A re-solve with nothing new is GLOP's warm start: no pivots, and none carried over from before.
        givingUp.Solve(TimeSpan.FromMinutes(1));
        Assert.Equal(0, givingUp.LastIterations);
    }
}
