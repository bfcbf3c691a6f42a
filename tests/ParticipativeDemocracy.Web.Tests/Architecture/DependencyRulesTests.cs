using System.Reflection;

namespace ParticipativeDemocracy.Web.Tests.Architecture;

public sealed class DependencyRulesTests
{
    private static readonly string[] WebOrData = ["Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Npgsql", "Hangfire", "Mediator"];

    [Fact]
    public void Voting_references_nothing_but_the_base_library()
    {
        var references = Assembly.Load("ParticipativeDemocracy.Voting").GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, name => Assert.True(
            name.StartsWith("System", StringComparison.Ordinal) || name is "netstandard" or "mscorlib",
            $"Voting must stay pure, but references {name}"));
    }

    [Fact]
    public void Sortition_references_no_web_or_database_library()
    {
        var references = Assembly.Load("ParticipativeDemocracy.Sortition").GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.All(references, name => Assert.DoesNotContain(WebOrData, prefix => name.StartsWith(prefix, StringComparison.Ordinal)));
    }

    [Fact]
    public void Voting_project_file_has_no_package_or_project_reference()
    {
        var project = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "ParticipativeDemocracy.Voting", "ParticipativeDemocracy.Voting.csproj"));
        Assert.DoesNotContain("<PackageReference", project, StringComparison.Ordinal);
        Assert.DoesNotContain("<ProjectReference", project, StringComparison.Ordinal);
    }
}
