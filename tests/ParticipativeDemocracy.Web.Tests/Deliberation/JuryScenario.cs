using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Data.Entities.Juries;
using ParticipativeDemocracy.Web.Realtime;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Deliberation;

/// <summary>
/// A jury as recruitment leaves it: the process, its settings and an active panel, written directly;
/// plus a facilitator. Everyone signs in through the real sign-in form.
/// </summary>
public sealed class JuryScenario
{
    public const string Password = "Jury-Scenario-Password-1!";
    public const string Slug = "school-streets-jury";

    private JuryScenario(PlatformFixture fixture, Guid processId)
    {
        Fixture = fixture;
        ProcessId = processId;
    }

    public PlatformFixture Fixture { get; }

    public Guid ProcessId { get; }

    public Dictionary<string, Guid> MemberIds { get; } = new(StringComparer.Ordinal);

    public static async Task<JuryScenario> CreateAsync(PlatformFixture fixture, params string[] members)
    {
        var now = fixture.Clock.GetUtcNow();
        var council = new Organisation { Id = Guid.NewGuid(), Name = "Council", Slug = "council", TimeZone = "Europe/London" };
        var jury = new Process
        {
            Id = Guid.NewGuid(), OrganisationId = council.Id, Kind = ProcessKind.CitizensJury, Title = "School streets jury",
            Slug = Slug, Status = ProcessStatus.Open, OpensAt = now, ClosesAt = now.AddDays(60), CreatedAt = now, UpdatedAt = now,
        };
        await using (var db = fixture.CreateDbContext())
        {
            db.AddRange(council, jury, new JurySettings { ProcessId = jury.Id, Remit = "How should streets by schools change?", PanelSize = members.Length, UpdatedAt = now });
            await db.SaveChangesAsync();
        }

        var scenario = new JuryScenario(fixture, jury.Id);
        foreach (var name in members)
        {
            await scenario.AddMemberAsync(name);
        }

        return scenario;
    }

    public static string EmailOf(string name) => $"{name.ToLowerInvariant()}@jurors.example";

    public async Task<Guid> AddMemberAsync(string name, JuryMemberStatus status = JuryMemberStatus.Active)
    {
        var user = await Fixture.CreateUserAsync(EmailOf(name), Password, "Resident", "JuryMember");
        await using var db = Fixture.CreateDbContext();
        db.JuryPanelMembers.Add(new JuryPanelMember
        {
            Id = Guid.NewGuid(), ProcessId = ProcessId, UserId = user.Id, DisplayName = name, Status = status, JoinedAt = Fixture.Clock.GetUtcNow(),
        });
        await db.SaveChangesAsync();
        MemberIds[name] = user.Id;
        return user.Id;
    }

    public Task<Person> MemberAsync(string name) => SignInAsync(EmailOf(name));

    public async Task<Person> FacilitatorAsync()
    {
        await Fixture.CreateUserAsync("facilitator@jury.example", Password, "Facilitator");
        return await SignInAsync("facilitator@jury.example");
    }

    public async Task<Person> OfficerAsync()
    {
        await Fixture.CreateUserAsync("officer@jury.example", Password, "Officer");
        return await SignInAsync("officer@jury.example");
    }

    public async Task<Person> ResidentAsync(string email)
    {
        await Fixture.CreateUserAsync(email, Password, "Resident");
        return await SignInAsync(email);
    }

    public string Api(string tail) => $"/api/juries/{ProcessId}/{tail}";

    /// <summary>A planned session with a three-item agenda; returns its id and agenda item ids.</summary>
    public async Task<(Guid Id, Guid[] Agenda)> CreateSessionAsync(Person facilitator, int speakerLimitSeconds = 120)
    {
        var response = await facilitator.Http.PostAsJsonAsync(Api("sessions"), new
        {
            title = "Session 1", startsAt = Fixture.Clock.GetUtcNow(), speakerLimitSeconds,
            agenda = new[] { "Welcome", "Evidence from the head teacher", "Small-group discussion" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetGuid(), [.. body.GetProperty("agendaItemIds").EnumerateArray().Select(e => e.GetGuid())]);
    }

    private async Task<Person> SignInAsync(string email)
    {
        var cookies = new CookieContainer();
        var http = Fixture.Factory.CreateDefaultClient(new CookieContainerHandler(cookies));
        var response = await BrowserSession.SignInAsync(http, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return new Person(Fixture, http, cookies);
    }
}

/// <summary>A signed-in user: their HTTP client and, on demand, a jury-room connection with the same cookies.</summary>
public sealed record Person(PlatformFixture Fixture, HttpClient Http, CookieContainer Cookies)
{
    public Task<HubConnection> ConnectAsync(CancellationToken cancellationToken) =>
        HubClient.ConnectAsync(Fixture, JuryHub.Path, Cookies, cancellationToken);
}
