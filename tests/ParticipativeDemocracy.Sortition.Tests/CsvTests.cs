using ParticipativeDemocracy.Sortition.Csv;
using ParticipativeDemocracy.Sortition.Model;

namespace ParticipativeDemocracy.Sortition.Tests;

public sealed class CsvTests
{
    private static readonly IReadOnlyList<Quota> GenderQuotas =
        QuotaCsv.Parse("q.csv", "category,feature,min,max\ngender,f,1,2\ngender,m,1,2\n");

    [Fact]
    public void Reads_the_category_feature_shape()
    {
        var quotas = QuotaCsv.Parse("q.csv", "category,feature,min,max\r\ngender,female,9,20\r\ngender,male,9,20");

        Assert.Equal([new Quota("gender", "female", 9, 20), new Quota("gender", "male", 9, 20)], quotas);
    }

    [Fact]
    public void Reads_the_feature_value_shape_with_flex_columns()
    {
        var quotas = QuotaCsv.Parse("f.csv", "feature,value,min,max,min_flex,max_flex\nGender,\"Non-binary, other\",0,1,0,2\n");

        Assert.Equal(new Quota("Gender", "Non-binary, other", 0, 1, 0, 2), Assert.Single(quotas));
    }

    [Theory]
    [InlineData("category,feature,min,max\ng,f,1,2\ng,m,x,2\n", 3, "min", "'x' is not a whole number")]
    [InlineData("category,feature,min,max\ng,f,3,2\n", 2, "max", "below min")]
    [InlineData("category,feature,min,max\ng,f,1,2\ng,f,1,2\n", 3, "feature", "listed twice")]
    [InlineData("category,feature,min,max\ng,,1,2\n", 2, "feature", "empty")]
    [InlineData("category,feature,min,max\ng,f,1\n", 2, "max", "expected 4 fields, found 3")]
    [InlineData("category,feature,minimum,max\ng,f,1,2\n", 1, "min", "no 'min' column")]
    [InlineData("category,feature,min,max\ng,f,-1,2\n", 2, "min", "not a whole number")]
    public void Bad_quota_rows_name_line_and_column(string text, int line, string column, string message)
    {
        var error = Assert.Throws<SortitionInputException>(() => QuotaCsv.Parse("q.csv", text));

        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("q.csv, line ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_id_column_the_data_row_index_is_the_id()
    {
        var pool = RespondentCsv.Parse("p.csv", "gender,name\nf,a\n\"m\",\"b, jr\"\nf,c\n", GenderQuotas);

        Assert.Equal(["0", "1", "2"], pool.Select(r => r.Id));
        Assert.Equal("m", pool[1].Features["gender"]);
    }

    [Fact]
    public void Address_columns_form_households()
    {
        var pool = RespondentCsv.Parse("p.csv", "id,gender,street,zip\na,f,1 High St,X1\nb,m,1 High St,X1\nc,m,1 High St,X2\n",
            GenderQuotas, new RespondentColumns("id", ["street", "zip"]));

        Assert.Equal(pool[0].Household, pool[1].Household);
        Assert.NotEqual(pool[0].Household, pool[2].Household);
    }

    [Theory]
    [InlineData("id,gender\na,f\nb,x\n", 3, "gender", "'x' is not a value with a quota")]
    [InlineData("id,gender\na,f\na,m\n", 3, "id", "occurs twice")]
    [InlineData("id,gender\n,f\n", 2, "id", "empty")]
    [InlineData("id,sex\na,f\n", 1, "gender", "no 'gender' column")]
    public void Bad_respondent_rows_name_line_and_column(string text, int line, string column, string message)
    {
        var error = Assert.Throws<SortitionInputException>(() =>
            RespondentCsv.Parse("p.csv", text, GenderQuotas, new RespondentColumns("id")));

        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quoted_line_break_does_not_shift_later_line_numbers()
    {
        var text = "id,gender,note\na,f,\"two\nlines\"\nb,q,x\n";

        var error = Assert.Throws<SortitionInputException>(() =>
            RespondentCsv.Parse("p.csv", text, GenderQuotas, new RespondentColumns("id")));

        Assert.Equal(4, error.Line);
    }
}
