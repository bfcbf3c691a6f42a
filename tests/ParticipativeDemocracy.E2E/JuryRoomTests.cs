using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Data.Entities.Deliberation;
using ParticipativeDemocracy.Web.Data.Entities.Juries;
using ParticipativeDemocracy.Web.Features.Deliberation;

namespace ParticipativeDemocracy.E2E;

/// <summary>
/// A juror and a facilitator in two browsers: the juror raises a hand, the facilitator gives the floor and
/// both screens agree; a round closes on schedule; the report shows the adopted recommendation.
/// </summary>
public sealed class JuryRoomTests(AppUnderTest app, Browser browser) : PageSession(app, browser)
{
    private const string Password = "Jury-E2E-Password-1!";
    private const string Slug = "e2e-jury";

    private readonly Browser _browser = browser;

    [Fact]
    public async Task Juror_raises_a_hand_the_facilitator_gives_the_floor_and_both_screens_agree()
    {
        var juror = await SeedJuryAsync();
        await using var facilitatorContext = await _browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.BaseAddress.ToString() });
        var facilitator = await facilitatorContext.NewPageAsync();
        await SignInAsync(facilitator, "facilitator@e2e.example", Password);
        await facilitator.GotoAsync($"/juries/{Slug}/room");
        await Assertions.Expect(facilitator.Locator("[data-jury-room][data-live=true]")).ToHaveCountAsync(1);
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Start the session" }).ClickAsync();
        await Assertions.Expect(facilitator.Locator("[data-room-status]")).ToHaveTextAsync("In progress");

        await SignInAsync(juror, Password);
        await Page.GotoAsync($"/juries/{Slug}/room");
        await Assertions.Expect(Page.Locator("[data-jury-room][data-live=true]")).ToHaveCountAsync(1);
        await Assertions.Expect(Page.Locator("[data-room-status]")).ToHaveTextAsync("In progress");
        await AssertAccessibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Raise my hand" }).ClickAsync();

        await Assertions.Expect(facilitator.Locator("[data-queue] li")).ToContainTextAsync("Gwen");
        await Assertions.Expect(Page.Locator("[data-queue] li")).ToContainTextAsync("Gwen");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Give the floor to the next hand" }).ClickAsync();
        await Assertions.Expect(facilitator.Locator("[data-speaker]")).ToHaveTextAsync("Gwen");
        await Assertions.Expect(Page.Locator("[data-speaker]")).ToHaveTextAsync("Gwen");
        await Assertions.Expect(Page.Locator("[data-queue-empty]")).ToBeVisibleAsync();
        var version = await facilitator.Locator("[data-jury-room]").GetAttributeAsync("data-version");
        await Assertions.Expect(Page.Locator("[data-jury-room]")).ToHaveAttributeAsync("data-version", version!);
        await Assertions.Expect(Page.Locator("[data-speaker-timer]")).Not.ToHaveTextAsync("0:00", new() { Timeout = 10_000 });
        await AssertAccessibleAsync();
        AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Round_closes_on_schedule_and_the_report_shows_the_adopted_recommendation()
    {
        var juror = await SeedJuryAsync();
        var (roundId, jurorId) = await OpenRoundAndAdoptAsync(juror);
        await SignInAsync(juror, Password);
        await Page.GotoAsync($"/juries/{Slug}/deliberation");
        await AssertAccessibleAsync();
        await Page.GotoAsync($"/juries/{Slug}/rounds/{roundId}");
        await AssertAccessibleAsync();
        await Page.GetByLabel("Agree", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Why? Say it in your own words").FillAsync("Safer for everyone.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Post my contribution" }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("contributions")).ToContainTextAsync("Safer for everyone.");

        App.Clock.Offset += TimeSpan.FromMinutes(31);
        try
        {
            Assert.True(await App.CloseDueRoundAsync(roundId));
        }
        finally
        {
            App.Clock.Offset -= TimeSpan.FromMinutes(31);
        }

        await Page.GotoAsync($"/juries/{Slug}/rounds/{roundId}");
        await Assertions.Expect(Page.GetByTestId("round-state")).ToContainTextAsync("Closed");
        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Post my contribution" })).ToHaveCountAsync(0);
        await AssertAccessibleAsync();

        await Page.GotoAsync($"/juries/{Slug}/report");
        await Assertions.Expect(Page.GetByTestId("adopted")).ToContainTextAsync("Close streets at drop-off");
        await Assertions.Expect(Page.GetByTestId("adopted")).Not.ToContainTextAsync("More buses");
        await AssertAccessibleAsync();
        AssertNoConsoleErrors();
        Assert.NotEqual(Guid.Empty, jurorId);
    }

    [Fact]
    public async Task Juror_reads_the_evidence_asks_a_witness_follows_the_live_tally_and_reads_the_session_record()
    {
        var juror = await SeedJuryAsync();
        var (recommendationId, sessionId, jurorId) = await EvidenceAndOpenVoteAsync(juror);
        await SignInAsync(juror, Password);
        await Page.GotoAsync($"/juries/{Slug}/evidence");
        await Assertions.Expect(Page.GetByTestId("evidence")).ToContainTextAsync("Air quality map");
        await AssertAccessibleAsync();
        await Page.GetByLabel("Witness", new() { Exact = true }).FillAsync("Ms Jones");
        await Page.GetByLabel("Your question", new() { Exact = true }).FillAsync("How many children walk to school?");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send the question" }).ClickAsync();
        await Assertions.Expect(Page.GetByTestId("question")).ToContainTextAsync("How many children walk to school?");
        await AssertAccessibleAsync();

        await Page.GotoAsync($"/juries/{Slug}/deliberation");
        await Assertions.Expect(Page.Locator("[data-jury-tally][data-live=true]")).ToHaveCountAsync(1);
        var support = Page.Locator($"[data-tally=\"{recommendationId}\"] [data-count=support]");
        await Assertions.Expect(support).ToHaveTextAsync("0");
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CastRecommendationVote.Command(recommendationId, jurorId, VoteChoice.Support), TestContext.Current.CancellationToken);
        }

        await Assertions.Expect(support).ToHaveTextAsync("1");
        await AssertAccessibleAsync();
        await Page.GotoAsync($"/juries/{Slug}/sessions/{sessionId}");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Session 1" })).ToBeVisibleAsync();
        await AssertAccessibleAsync();
        AssertNoConsoleErrors();
    }


    /// <summary>The jury as recruitment leaves it (written directly), one juror, a facilitator and a planned session.</summary>
    private async Task<string> SeedJuryAsync()
    {
        const string juror = "gwen@e2e.example";
        await App.CreateUserAsync(juror, Password, "JuryMember");
        await App.CreateUserAsync("facilitator@e2e.example", Password, "Facilitator");
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.Processes.AnyAsync(p => p.Slug == Slug))
        {
            return juror;
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(juror))!;
        var council = await db.Organisations.FirstAsync();
        var now = App.Clock.GetUtcNow();
        var jury = new Process
        {
            Id = Guid.NewGuid(), OrganisationId = council.Id, Kind = ProcessKind.CitizensJury, Title = "E2E school streets jury", Slug = Slug,
            Status = ProcessStatus.Open, OpensAt = now, ClosesAt = now.AddDays(30), CreatedAt = now, UpdatedAt = now,
        };
        db.AddRange(jury, new JurySettings { ProcessId = jury.Id, Remit = "How should streets by schools change?", PanelSize = 1, UpdatedAt = now },
            new JuryPanelMember { Id = Guid.NewGuid(), ProcessId = jury.Id, UserId = user.Id, DisplayName = "Gwen", Status = JuryMemberStatus.Active, JoinedAt = now });
        await db.SaveChangesAsync();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        await sender.Send(new CreateSession.Command(jury.Id, "Session 1", now, 120, ["Welcome", "Options"]));
        return juror;
    }

    /// <summary>A link and a statement in the library, and a recommendation open for voting.</summary>
    private async Task<(Guid RecommendationId, Guid SessionId, Guid JurorId)> EvidenceAndOpenVoteAsync(string jurorEmail)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var jury = await db.Processes.SingleAsync(p => p.Slug == Slug);
        var jurorId = (await db.Users.SingleAsync(u => u.Email == jurorEmail)).Id;
        await sender.Send(new AddEvidence.Command(jury.Id, EvidenceKind.Link, "Air quality map", "https://example.org/air", null, null, null, null, null));
        await sender.Send(new AddEvidence.Command(jury.Id, EvidenceKind.WitnessStatement, "Head teacher", null, "Ms Jones", "Parents park on the pavement.", null, null, null));
        var safer = await sender.Send(new DraftRecommendation.Command(jury.Id, jurorId, "Safer crossings", "A crossing patrol at every school."));
        await sender.Send(new OpenRecommendationVote.Command(safer.Id, 80));
        var sessionId = await db.JurySessions.Where(s => s.ProcessId == jury.Id).Select(s => s.Id).FirstAsync();
        return (safer.Id, sessionId, jurorId);
    }

    private async Task<(Guid RoundId, Guid JurorId)> OpenRoundAndAdoptAsync(string jurorEmail)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var jury = await db.Processes.SingleAsync(p => p.Slug == Slug);
        var jurorId = (await db.Users.SingleAsync(u => u.Email == jurorEmail)).Id;
        var round = await sender.Send(new OpenRound.Command(jury.Id, "Close the street at drop-off?", App.Clock.GetUtcNow().AddMinutes(30)));
        var adopted = await sender.Send(new DraftRecommendation.Command(jury.Id, jurorId, "Close streets at drop-off", "For 30 minutes by each school."));
        var dropped = await sender.Send(new DraftRecommendation.Command(jury.Id, jurorId, "More buses", "A school bus from each estate."));
        foreach (var (id, choice) in new[] { (adopted.Id, VoteChoice.Support), (dropped.Id, VoteChoice.Oppose) })
        {
            await sender.Send(new OpenRecommendationVote.Command(id, 80));
            await sender.Send(new CastRecommendationVote.Command(id, jurorId, choice));
            await sender.Send(new CloseRecommendationVote.Command(id));
        }

        return (round.Id, jurorId);
    }
}
