namespace ParticipativeDemocracy.Web.Tests.Architecture;

/// <summary>
/// Components that are not pages initialise while their page may still be querying, and beside their siblings:
/// through the request's own ISender they would share one DbContext and fail at random with a 500.
/// </summary>
public sealed class ComponentScopeTests
{
    [Fact]
    public void Components_that_are_not_pages_send_through_their_own_scope()
    {
        var components = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src", "ParticipativeDemocracy.Web", "Components"),
                "*.razor", SearchOption.AllDirectories)
            .Select(path => (Path: path, Source: File.ReadAllText(path)))
            .Where(file => !file.Source.Contains("@page \"", StringComparison.Ordinal))
            .ToList();
        Assert.True(components.Count >= 5, "the component finder found too few components to mean anything");

        var violations = components
            .Where(file => file.Source.Contains("@inject ISender", StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(RepositoryRoot.Path, file.Path));

        Assert.Empty(violations);
    }
}
