using System.Text.RegularExpressions;

namespace ParticipativeDemocracy.Web.Tests.Architecture;

/// <summary>
/// A use case is one file under Features/&lt;Area&gt;/ declaring `public static class &lt;FileName&gt;`
/// with a nested Handler. No slice may name another slice: shared needs go to a shared type.
/// </summary>
public sealed partial class SliceIndependenceTests
{
    [Fact]
    public void Feature_slices_do_not_reference_each_other()
    {
        var slices = FindSlices();
        Assert.True(slices.Count >= 3, "the slice finder found too few slices to mean anything");
        var violations =
            from slice in slices
            from other in slices
            where other.Name != slice.Name && Regex.IsMatch(slice.Source, $@"\b{other.Name}\.")
            select $"{slice.Name} references {other.Name}";
        Assert.Empty(violations);
    }

    [Fact]
    public void Slice_finder_recognises_the_known_use_cases()
    {
        var names = FindSlices().Select(s => s.Name).ToList();
        Assert.Contains("CreateProcess", names);
        Assert.Contains("ListProcesses", names);
        Assert.DoesNotContain("ProcessesEndpoints", names);
    }

    private static List<(string Name, string Source)> FindSlices()
    {
        var features = Path.Combine(RepositoryRoot.Path, "src", "ParticipativeDemocracy.Web", "Features");
        return Directory.EnumerateFiles(features, "*.cs", SearchOption.AllDirectories)
            .Select(file => (Name: Path.GetFileNameWithoutExtension(file), Source: File.ReadAllText(file)))
            .Where(f => f.Source.Contains($"public static class {f.Name}", StringComparison.Ordinal)
                        && HandlerDeclaration().IsMatch(f.Source))
            .ToList();
    }

    [GeneratedRegex(@"sealed class Handler\b")]
    private static partial Regex HandlerDeclaration();
}
