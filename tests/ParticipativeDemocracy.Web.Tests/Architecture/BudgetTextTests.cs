using System.Xml.Linq;

namespace ParticipativeDemocracy.Web.Tests.Architecture;

/// <summary>The texts of district budgets and paper ballots: every English key has a Welsh text and the other way round.</summary>
public sealed class BudgetTextTests
{
    [Fact]
    public void English_and_welsh_budget_texts_match_and_keys_are_unique_ignoring_case()
    {
        var folder = Path.Combine(RepositoryRoot.Path, "src", "ParticipativeDemocracy.Web", "Resources");
        var english = Keys(Path.Combine(folder, "BudgetText.resx"));
        var welsh = Keys(Path.Combine(folder, "BudgetText.cy.resx"));

        Assert.True(english.Count > 5);
        Assert.Equal(english.Count, english.Select(k => k.Key.ToUpperInvariant()).Distinct().Count());
        Assert.Empty(english.Keys.Except(welsh.Keys));
        Assert.Empty(welsh.Keys.Except(english.Keys));
        Assert.DoesNotContain(welsh, pair => string.IsNullOrWhiteSpace(pair.Value));
    }

    private static Dictionary<string, string> Keys(string path) =>
        XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);
}
