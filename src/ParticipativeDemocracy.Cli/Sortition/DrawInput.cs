using ParticipativeDemocracy.Sortition.Csv;
using ParticipativeDemocracy.Sortition.Model;

namespace ParticipativeDemocracy.Cli.Sortition;

/// <summary>The files and column choices of a draw, loaded into a problem.</summary>
internal sealed record DrawInput(FileInfo Categories, FileInfo Respondents, string? IdColumn, string? AddressColumns)
{
    public SortitionProblem Load(int panelSize)
    {
        var quotas = QuotaCsv.Load(Existing(Categories).FullName);
        var addresses = string.IsNullOrWhiteSpace(AddressColumns)
            ? null
            : AddressColumns.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var pool = RespondentCsv.Load(Existing(Respondents).FullName, quotas, new RespondentColumns(IdColumn, addresses));
        return new SortitionProblem(pool, panelSize, quotas);
    }

    private static FileInfo Existing(FileInfo file) =>
        file.Exists ? file : throw new FileNotFoundException($"no such file: {file.FullName}");
}
