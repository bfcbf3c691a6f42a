namespace ParticipativeDemocracy.Voting.Tests;

/// <summary>Phragmén ranks candidates in floating point; it must pick exactly what the plain exact version picks.</summary>
public sealed class PhragmenPropertyTests
{
    [Theory]
    [InlineData(TieBreak.ProjectId)]
    [InlineData(TieBreak.CostVotesLot)]
    public void Phragmen_agrees_with_the_plain_exact_version(TieBreak tieBreak)
    {
        var random = new Random(2718 + (int)tieBreak);
        for (var i = 0; i < 500; i++)
        {
            var election = RandomElections.Approval(random, maxProjects: 8, maxVoters: 25);
            var options = new CountingOptions(CountingRule.Phragmen, TieBreak: tieBreak, Seed: (ulong)i);

            var result = BudgetCounter.Count(election, options);

            Assert.Equal(ReferencePhragmen.Select(election, options), result.Selected);
        }
    }

    [Fact]
    public void Phragmen_agrees_on_the_real_files()
    {
        foreach (var file in ExpectedOutcomes.All().Where(c => c.Rule == "seq_phragmen").Select(c => c.File))
        {
            var election = ExpectedOutcomes.Election(file);
            var options = new CountingOptions(CountingRule.Phragmen);

            Assert.Equal(ReferencePhragmen.Select(election, options), BudgetCounter.Count(election, options).Selected);
        }
    }
}
