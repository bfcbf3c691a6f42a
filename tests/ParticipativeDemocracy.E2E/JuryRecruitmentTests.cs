using System.Globalization;
using Microsoft.Playwright;

namespace ParticipativeDemocracy.E2E;

/// <summary>
/// A citizens' jury through the browser: an officer sets it up and imports a pool, a resident volunteers
/// through the public form, the officer runs the draw, watches it finish and opens the public result.
/// </summary>
public sealed class JuryRecruitmentTests(AppUnderTest app, Browser browser) : PageSession(app, browser)
{
    private const string OfficerEmail = "jury-officer@example.org";
    private const string OfficerPassword = "Jury-Officer-Password-1!";

    [Fact]
    public async Task Resident_volunteers_and_the_officer_draws_the_panel_and_sees_the_result()
    {
        await CreateStaffAsync(OfficerEmail, OfficerPassword, "Officer");
        await SignInAsync(OfficerEmail, OfficerPassword);
        await Page.GotoAsync("/admin/processes");
        await Page.GetByLabel("Kind of process").SelectOptionAsync("CitizensJury");
        await Page.GetByLabel("Title").FillAsync("River quality jury");
        await Page.GetByLabel("Publish it now").CheckAsync();
        await Page.GetByLabel("Opens (local time)").FillAsync(Local(TimeSpan.FromDays(-1)));
        await Page.GetByLabel("Closes (local time)").FillAsync(Local(TimeSpan.FromDays(60)));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create process" }).ClickAsync();

        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("Recruit and draw the panel");
        await AssertAccessibleAsync();
        await Page.GetByLabel("Remit: the question the jury answers").FillAsync("How do we get the river clean enough to swim in?");
        await Page.GetByLabel("Panel size").FillAsync("4");
        await Page.GetByLabel("Features and quotas").FillAsync("gender,Female,2,2\ngender,Male,2,2");
        await Page.GetByLabel("Recruitment opens").FillAsync(Local(TimeSpan.FromDays(-1)));
        await Page.GetByLabel("Recruitment closes").FillAsync(Local(TimeSpan.FromDays(20)));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(Page.Locator("[data-testid=notice]")).ToContainTextAsync("Saved");
        await Page.GetByLabel("Add volunteers from CSV").FillAsync(
            "id,name,email,gender\nR1,Ann,ann@river.example,Female\nR2,Bob,bob@river.example,Male\nR3,Cai,cai@river.example,Male\n" +
            "R4,Dee,dee@river.example,Female\nR5,Eve,eve@river.example,Female\nR6,Fin,fin@river.example,Male\n");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        await Assertions.Expect(Page.Locator("[data-testid=pool-size]")).ToContainTextAsync("6 volunteers");
        var admin = Page.Url;
        await SignOutAsync();

        await Page.GotoAsync("/");
        await Page.GetByRole(AriaRole.Link, new() { Name = "River quality jury" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("Volunteer for the citizens' jury");
        await AssertAccessibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Volunteer" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter your name");
        await AssertAccessibleAsync();
        await Page.GetByLabel("Your name").FillAsync("Gwen Evans");
        await Page.GetByLabel("Email address").FillAsync("gwen@river.example");
        await Page.GetByLabel("Female").CheckAsync();
        await Page.GetByLabel("When can you attend?").FillAsync("Weekends");
        await Page.GetByLabel("Anything we should arrange").FillAsync("Large print");
        await Page.GetByLabel("I agree").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Volunteer" }).ClickAsync();
        await Assertions.Expect(Page.Locator("[data-testid=registered]")).ToContainTextAsync("You have volunteered");
        await AssertAccessibleAsync();

        await SignInAsync(OfficerEmail, OfficerPassword);
        await Page.GotoAsync(admin);
        await Assertions.Expect(Page.Locator("[data-testid=pool-size]")).ToContainTextAsync("7 volunteers");
        await Page.GetByLabel("Seed (optional; random if empty)").FillAsync("31");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Draw the panel" }).ClickAsync();
        // The page follows the job over SignalR and reloads itself when the draw ends, so the "draw started"
        // notice may already be gone: the seed is checked on the public result page below.
        await Assertions.Expect(Page.Locator("[data-testid=draw-status]")).ToHaveTextAsync("Succeeded", new() { Timeout = 60_000 });
        await Assertions.Expect(Page.Locator("[data-testid=locked]")).ToBeVisibleAsync();
        await AssertAccessibleAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Public result of the draw" }).ClickAsync();
        await Assertions.Expect(Page.Locator("h1")).ToContainTextAsync("How the panel was drawn");
        await Assertions.Expect(Page.Locator("[data-testid=seed]")).ToHaveTextAsync("31");
        await Assertions.Expect(Page.Locator("[data-testid=draw-summary]")).ToContainTextAsync("4 people were drawn by lot from 7 volunteers");
        await Assertions.Expect(Page.Locator("[data-testid=input-hash]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9a-f]{64}$"));
        await AssertAccessibleAsync();
        AssertNoConsoleErrors();
    }

    private string Local(TimeSpan fromNow)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        return TimeZoneInfo.ConvertTime(App.Clock.GetUtcNow() + fromNow, zone).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
    }
}
