using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Partnerships;

/// <summary>An officer sets up a partnership through the API; members are accounts added at their player level.</summary>
public sealed class PartnershipScenario
{
    public const string Password = OfficerProcess.Password;

    private PartnershipScenario(PlatformFixture fixture, HttpClient officer, Guid processId, string slug)
    {
        Fixture = fixture;
        Officer = officer;
        ProcessId = processId;
        Slug = slug;
    }

    public PlatformFixture Fixture { get; }

    public HttpClient Officer { get; }

    public Guid ProcessId { get; }

    public string Slug { get; }

    public string Url(string tail = "") => $"/api/partnerships/{ProcessId}{tail}";

    public static async Task<PartnershipScenario> CreateAsync(PlatformFixture fixture, int minGroupSize = 2)
    {
        var (officer, processId, slug) = await OfficerProcess.CreateAsync(
            fixture, "officer@partners.example",
            new ProcessDraft(
                "Partnership", "Riverside community safety partnership", PlatformFixture.Start,
                Summary: "Residents, police officers, housing managers and councillors working on safety by the river."));
        var scenario = new PartnershipScenario(fixture, officer, processId, slug);
        var configured = await officer.PutAsJsonAsync(scenario.Url(), new { minGroupSize });
        Assert.Equal(HttpStatusCode.OK, configured.StatusCode);
        return scenario;
    }

    /// <summary>A member with an account, signed in.</summary>
    public async Task<HttpClient> MemberAsync(string name, PlayerLevel level)
    {
        var email = $"{name.ToLowerInvariant()}@members.example";
        var added = await Officer.PostAsJsonAsync(Url("/members"), new { name, email, level = level.ToString(), role = $"{level} at Riverside" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        await Fixture.CreateUserAsync(email, Password, "Resident");
        return await BrowserSession.SignedInClientAsync(Fixture, email, Password);
    }

    public async Task<Guid> OpenCheckAsync()
    {
        var opened = await Officer.PostAsync(Url("/health-checks"), null);
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        return (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public Task<HttpResponseMessage> RateAsync(HttpClient member, Guid check, params int[] scores) =>
        member.PostAsJsonAsync(Url($"/health-checks/{check}/answers"), new { scores });
}
