using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Polls;

/// <summary>An officer sets up a service-user poll through the API: a process, then its questions and audience.</summary>
public sealed class PollScenario
{
    public const string Password = OfficerProcess.Password;
    public const string ManagerEmail = "manager@library.example";

    private PollScenario(PlatformFixture fixture, HttpClient officer, Guid processId, string slug)
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

    public static DateTimeOffset OpensAt => PlatformFixture.Start.AddDays(1);

    public static DateTimeOffset ClosesAt => PlatformFixture.Start.AddDays(8);

    public string Url(string tail = "") => $"/api/polls/{ProcessId}{tail}";

    public static async Task<PollScenario> CreateAsync(PlatformFixture fixture, object? settings = null, bool configure = true)
    {
        var (officer, processId, slug) = await OfficerProcess.CreateAsync(
            fixture, "officer@polls.example", new ProcessDraft("ServiceUserPoll", "Library opening hours", OpensAt, ClosesAt));
        var scenario = new PollScenario(fixture, officer, processId, slug);
        if (configure)
        {
            var configured = await officer.PutAsJsonAsync(scenario.Url(), settings ?? Settings());
            Assert.Equal(HttpStatusCode.OK, configured.StatusCode);
        }

        return scenario;
    }

    public static object Settings(string audience = "Everyone", bool liveResults = false, int minGroupSize = 3, DateTimeOffset? closesAt = null) => new
    {
        serviceName = "Central Library", audience, opensAt = OpensAt, closesAt = closesAt ?? ClosesAt, liveResults, minGroupSize,
        managerEmails = new[] { ManagerEmail },
        questions = new object[]
        {
            new { kind = "SingleChoice", text = "How often do you visit?", options = new[] { "Weekly", "Monthly", "Rarely" } },
            new { kind = "MultipleChoice", text = "What do you use?", options = new[] { "Books", "Computers", "Study space", "Events" } },
            new { kind = "Ranking", text = "Which hours matter most?", options = new[] { "Evenings", "Sundays", "Early mornings" } },
            new { kind = "Rating", text = "How good is the service?" },
            new { kind = "FreeText", text = "What should change?" },
        },
    };

    /// <summary>A full, valid answer sheet.</summary>
    public static object Answers(int visit = 0, int rating = 4, string? text = "Open later on Thursdays", string? notifyEmail = null, string? pass = null) => new
    {
        answers = new object?[]
        {
            new { question = 1, choices = new[] { visit } },
            new { question = 2, choices = new[] { 0, 2 } },
            new { question = 3, choices = new[] { 1, 0 } },
            new { question = 4, rating },
            text is null ? null : new { question = 5, text },
        }.Where(a => a is not null).ToArray(),
        notifyEmail,
        pass,
    };

    public void Open() => Fixture.Clock.SetUtcNow(OpensAt.AddHours(1));

    public void PassDeadline() => Fixture.Clock.SetUtcNow(ClosesAt.AddMinutes(1));

    public async Task<HttpClient> UserAsync(string email, params string[] roles)
    {
        await Fixture.CreateUserAsync(email, Password, roles.Length == 0 ? ["Resident"] : roles);
        return await BrowserSession.SignedInClientAsync(Fixture, email, Password);
    }

    public async Task<HttpClient[]> RespondentsAsync(params PlayerLevel?[] levels)
    {
        var clients = await Fixture.SignedInResidentsAsync(levels.Length);
        await using var db = Fixture.CreateDbContext();
        for (var i = 0; i < levels.Length; i++)
        {
            var email = $"resident{i}@many.example";
            var user = await db.Users.SingleAsync(u => u.Email == email);
            user.PlayerLevel = levels[i];
        }

        await db.SaveChangesAsync();
        return clients;
    }
}
