using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Accounts;

public sealed class OfficerAdministrationTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    private const string Password = "Admin-Password-123";

    [Fact]
    public async Task Administrator_creates_an_officer_who_sets_a_password_and_must_enrol_an_app()
    {
        using var admin = await AdminAsync();
        var page = await BrowserSession.SubmitFormAsync(admin, "/admin/officers", "create-officer", new Dictionary<string, string>
        {
            ["Input.Email"] = "new.officer@test.example", ["Input.DisplayName"] = "Nia Officer",
        });
        Assert.Contains("new.officer@test.example", await page.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        var mail = await Fixture.Smtp.WaitForAsync("new.officer@test.example");
        var link = BrowserSession.LinkIn(mail.TextBody, "/account/set-password");
        using var officer = Fixture.CreateClient();
        var set = await BrowserSession.SubmitFormAsync(officer, link, "set-password",
            new Dictionary<string, string> { ["Input.Password"] = "Officer-Chosen-Pass-1" });
        Assert.Contains("Your password is saved", await set.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        var signIn = await BrowserSession.SignInAsync(officer, "new.officer@test.example", "Officer-Chosen-Pass-1");
        Assert.StartsWith("/account/authenticator", signIn.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        await using var db = Fixture.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "CreateOfficer" && a.ActorName == "admin@test.example", Cancel));
    }

    [Fact]
    public async Task A_disabled_officer_cannot_sign_in()
    {
        using var admin = await AdminAsync();
        var officer = await Fixture.CreateUserAsync("officer@test.example", Password, "Officer");

        var staff = await admin.GetFromJsonAsync<JsonElement>("/api/admin/officers", Cancel);
        Assert.Contains(staff.EnumerateArray(), m => m.GetProperty("email").GetString() == "officer@test.example" && m.GetProperty("hasAuthenticator").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/officers/{officer.Id}/disable", null, Cancel)).StatusCode);

        using var again = Fixture.CreateClient();
        var refused = await BrowserSession.SignInAsync(again, "officer@test.example", Password);
        Assert.Contains("Try again in 15 minutes", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var after = await admin.GetFromJsonAsync<JsonElement>("/api/admin/officers", Cancel);
        Assert.Contains(after.EnumerateArray(), m => m.GetProperty("email").GetString() == "officer@test.example" && m.GetProperty("isDisabled").GetBoolean());
    }

    private async Task<HttpClient> AdminAsync()
    {
        await Fixture.CreateUserAsync("admin@test.example", Password, "Administrator");
        return await BrowserSession.SignedInClientAsync(Fixture, "admin@test.example", Password);
    }
}
