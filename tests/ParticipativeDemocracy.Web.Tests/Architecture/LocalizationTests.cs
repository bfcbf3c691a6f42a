using System.Xml.Linq;
using ParticipativeDemocracy.Web.Features.Deliberation;

namespace ParticipativeDemocracy.Web.Tests.Architecture;

/// <summary>Every English text has a Welsh one and the other way round, so no page falls back silently.</summary>
public sealed class LocalizationTests
{
    [Fact]
    public void English_and_welsh_resources_have_the_same_keys_and_no_empty_texts()
    {
        var folder = Path.Combine(RepositoryRoot.Path, "src", "ParticipativeDemocracy.Web", "Resources");
        var english = Texts(Path.Combine(folder, "SharedResource.resx"));
        var welsh = Texts(Path.Combine(folder, "SharedResource.cy.resx"));

        Assert.True(english.Count > 50);
        Assert.Empty(english.Keys.Except(welsh.Keys));
        Assert.Empty(welsh.Keys.Except(english.Keys));
        Assert.DoesNotContain(welsh, pair => string.IsNullOrWhiteSpace(pair.Value));
    }

    [Fact]
    public void The_session_record_phrases_read_in_english_as_they_are_stored()
    {
        var english = Texts(Path.Combine(RepositoryRoot.Path, "src", "ParticipativeDemocracy.Web", "Resources", "SharedResource.resx"));

        Assert.NotEmpty(RoomRecordLine.EnglishFormats);
        Assert.All(RoomRecordLine.EnglishFormats, phrase => Assert.Equal(phrase.Value, english.GetValueOrDefault($"JuryRecord_{phrase.Key}")));
    }

    private static Dictionary<string, string> Texts(string path) =>
        XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);
}
