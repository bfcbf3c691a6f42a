using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ParticipativeDemocracy.Web.Data.Entities;

namespace ParticipativeDemocracy.Web.Tests.Infrastructure;

/// <summary>
/// Where most scenarios start: a council, one of its officers signed in through the real sign-in form,
/// and a published process that officer created through the API.
/// </summary>
public sealed record OfficerProcess(HttpClient Officer, Guid ProcessId, string Slug)
{
    public const string Password = "Scenario-Password-1!";

    public static async Task<OfficerProcess> CreateAsync(PlatformFixture fixture, string officerEmail, ProcessDraft draft)
    {
        var councilId = Guid.NewGuid();
        await using (var db = fixture.CreateDbContext())
        {
            db.Organisations.Add(new Organisation { Id = councilId, Name = "Council", Slug = "council", TimeZone = "Europe/London" });
            await db.SaveChangesAsync();
        }

        await fixture.CreateUserAsync(officerEmail, Password, "Officer");
        var officer = await BrowserSession.SignedInClientAsync(fixture, officerEmail, Password);
        var created = await officer.PostAsJsonAsync("/api/processes", new
        {
            organisationId = councilId, kind = draft.Kind, title = draft.Title, summary = draft.Summary,
            opensAt = draft.OpensAt, closesAt = draft.ClosesAt, publish = true,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        return new OfficerProcess(officer, body.GetProperty("id").GetGuid(), body.GetProperty("slug").GetString()!);
    }
}

/// <summary>What an officer types when creating a process.</summary>
public sealed record ProcessDraft(string Kind, string Title, DateTimeOffset OpensAt, DateTimeOffset? ClosesAt = null, string? Summary = null);
