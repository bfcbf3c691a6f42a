using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParticipativeDemocracy.Web.Data.Entities.Juries;
using ParticipativeDemocracy.Web.Data.Seeding;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Juries;

public sealed class JuryPagesAndSeedTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task A_resident_volunteers_through_the_public_form_and_errors_name_the_fields()
    {
        var jury = await JuryScenario.CreateAsync(Fixture);
        using var resident = Fixture.CreateClient();
        var url = $"/juries/{jury.Slug}/register";
        var invalid = await BrowserSession.SubmitFormAsync(resident, url, "register", new Dictionary<string, string>
        {
            ["name"] = "Ann", ["email"] = "ann@example.org", ["features.gender"] = "Female",
        });
        Assert.Contains("href=\"#consent\"", await invalid.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var noAge = await BrowserSession.SubmitFormAsync(resident, url, "register", new Dictionary<string, string>
        {
            ["name"] = "Ann", ["email"] = "ann@example.org", ["features.gender"] = "Female", ["consent"] = "true",
        });
        var page = await noAge.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("href=\"#features.age\"", page, StringComparison.Ordinal);

        var ok = await BrowserSession.SubmitFormAsync(resident, url, "register", new Dictionary<string, string>
        {
            ["name"] = "Ann", ["email"] = "ann@example.org", ["features.gender"] = "Female", ["features.age"] = "16-39",
            ["consent"] = "true", ["accessNeeds"] = "Hearing loop",
        });
        Assert.Contains("data-testid=\"registered\"", await ok.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        await using var db = Fixture.CreateDbContext();
        var volunteer = await db.JuryVolunteers.SingleAsync(Cancel);
        Assert.Equal(("Hearing loop", VolunteerSource.Form), (volunteer.AccessNeeds, volunteer.Source));
    }

    [Fact]
    public async Task Officer_pages_show_the_draw_and_the_public_result_page_shows_seed_hash_and_no_names()
    {
        var jury = await JuryScenario.CreateAsync(Fixture);
        var admin = await jury.Officer.GetStringAsync($"/admin/juries/{jury.ProcessId}", Cancel);
        Assert.Contains("data-testid=\"start-draw\"", admin, StringComparison.Ordinal);
        var status = await jury.DrawnAsync();
        admin = await jury.Officer.GetStringAsync($"/admin/juries/{jury.ProcessId}", Cancel);
        Assert.Contains("data-testid=\"locked\"", admin, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"send-invitations\"", admin, StringComparison.Ordinal);

        using var anonymous = Fixture.CreateClient();
        var result = await anonymous.GetStringAsync($"/juries/{jury.Slug}/draw", Cancel);
        Assert.Contains(status.GetProperty("inputHash").GetString()!, result, StringComparison.Ordinal);
        Assert.Contains("--seed 42", result, StringComparison.Ordinal);
        Assert.DoesNotContain("Person 1", result, StringComparison.Ordinal);

        var letters = await BrowserSession.SubmitFormAsync(jury.Officer, $"/admin/juries/{jury.ProcessId}/letters", "letters",
            new Dictionary<string, string> { ["count"] = "3" });
        var printed = await letters.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(3, printed.Split("data-testid=\"code\"").Length - 1);
        Assert.Contains($"/juries/{jury.Slug}/register?code=", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Residents_cannot_open_the_officer_pages()
    {
        var jury = await JuryScenario.CreateAsync(Fixture);
        using var anonymous = Fixture.CreateClient();
        var response = await anonymous.GetAsync($"/admin/juries/{jury.ProcessId}", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task The_demo_seed_draws_a_panel_once_with_confirmed_members()
    {
        for (var run = 0; run < 2; run++)
        {
            await using var scope = Fixture.Factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoCouncilSeeder>().SeedAsync(Cancel);
        }

        await using var db = Fixture.CreateDbContext();
        var draw = await db.JuryDraws.SingleAsync(Cancel);
        Assert.Equal(JuryDrawStatus.Succeeded, draw.Status);
        Assert.Equal(DemoJury.PanelSize, draw.Panel.Count);
        Assert.Equal(DemoJury.PanelSize + 2, await db.JuryPanelMembers.CountAsync(m => m.Status == JuryMemberStatus.Active, Cancel));
        Assert.Equal(DemoJury.PanelSize, await db.JuryInvitations.CountAsync(i => i.Status == JuryInvitationStatus.Confirmed, Cancel));
        using var anonymous = Fixture.CreateClient();
        var page = await anonymous.GetStringAsync($"/juries/{DemoProcesses.JurySlug}/draw", Cancel);
        Assert.Contains(draw.InputHash, page, StringComparison.Ordinal);
    }
}
