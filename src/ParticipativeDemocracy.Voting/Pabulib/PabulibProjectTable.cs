namespace ParticipativeDemocracy.Voting;

/// <summary>The PROJECTS section, indexed by project id.</summary>
internal sealed class PabulibProjectTable
{
    private PabulibProjectTable(List<Project> projects)
    {
        Projects = projects;
        Ids = projects.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
    }

    public IReadOnlyList<Project> Projects { get; }

    public IReadOnlySet<string> Ids { get; }

    public static PabulibProjectTable Read(PabulibSection section)
    {
        var idColumn = section.Column("project_id");
        var costColumn = section.Column("cost");
        if (idColumn < 0 || costColumn < 0)
        {
            throw new PabulibFormatException(section.Header.LineNumber, "the PROJECTS header needs 'project_id' and 'cost'");
        }

        var projects = new List<Project>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in section.Rows)
        {
            PabulibSection.RequireColumns(row, section.Header.Fields.Count, "PROJECTS");
            var id = row.Fields[idColumn].Trim();
            if (id.Length == 0)
            {
                throw new PabulibFormatException(row.LineNumber, "empty project_id");
            }

            if (!seen.Add(id))
            {
                throw new PabulibFormatException(row.LineNumber, $"duplicate project '{id}'");
            }

            var cost = PabulibReader.ParseNumber(row.Fields[costColumn], row.LineNumber, $"cost of project '{id}'");
            projects.Add(new Project(id, cost, OtherFields(section.Header, row, idColumn, costColumn)));
        }

        return new PabulibProjectTable(projects);
    }

    internal static Dictionary<string, string> OtherFields(CsvRecord header, CsvRecord row, params int[] skip)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < header.Fields.Count; i++)
        {
            if (!skip.Contains(i))
            {
                fields[header.Fields[i]] = row.Fields[i];
            }
        }

        return fields;
    }
}
