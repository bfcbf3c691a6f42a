using Xunit;

namespace ParticipativeDemocracy.Cli.Tests.Draw;

public sealed class DrawErrorTests
{
    private const string Quotas = "category,feature,min,max\ngender,f,1,2\ngender,m,1,2\n";

    [Fact]
    public void Infeasible_quotas_print_the_smallest_fix_on_one_line()
    {
        var (exit, output, error) = DrawRunner.Run("draw", "--categories", DrawRunner.Pool("sf_fixture_22/features_infeasible.csv"),
            "--respondents", DrawRunner.Pool("sf_fixture_22/candidates.csv"), "--size", "22", "--id-column", "nationbuilder_id");

        Assert.NotEqual(0, exit);
        Assert.Equal(string.Empty, output);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains("lower the minimum of geo_bucket=Glasgow from 4 to 3", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name,gender\nAnn,f\nBob,x\n", "line 3, column 'gender'")]
    [InlineData("name,sex\nAnn,f\n", "column 'gender'")]
    public void A_bad_respondent_row_is_named_by_line_and_column(string people, string expected)
    {
        var (exit, _, error) = Run(Quotas, people, "2");

        Assert.Equal(1, exit);
        Assert.StartsWith("pd: ", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_quota_number_is_named_by_line_and_column()
    {
        var (exit, _, error) = Run("category,feature,min,max\ngender,f,one,2\n", "gender\nf\n", "1");

        Assert.Equal(1, exit);
        Assert.Contains("line 2, column 'min'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_panel_larger_than_the_pool_fails_cleanly()
    {
        var (exit, _, error) = Run(Quotas, "gender\nf\nm\n", "5");

        Assert.Equal(1, exit);
        Assert.Equal("pd: the panel size 5 exceeds the pool of 2 respondents", error.TrimEnd());
    }

    [Fact]
    public void A_missing_file_fails_cleanly()
    {
        var (exit, _, error) = DrawRunner.Run("draw", "--categories", "/no/such/file.csv", "--respondents", "/no/such/pool.csv", "--size", "2");

        Assert.Equal(1, exit);
        Assert.StartsWith("pd: no such file", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_algorithm_is_rejected()
    {
        var (exit, _, error) = DrawRunner.Run("draw", "--categories", DrawRunner.WriteTemp(Quotas),
            "--respondents", DrawRunner.WriteTemp("gender\nf\nm\n"), "--size", "2", "--algorithm", "nash");

        Assert.NotEqual(0, exit);
        Assert.Contains("nash", error, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output, string Error) Run(string quotas, string people, string size) =>
        DrawRunner.Run("draw", "--categories", DrawRunner.WriteTemp(quotas), "--respondents", DrawRunner.WriteTemp(people), "--size", size);
}
