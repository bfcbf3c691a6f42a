using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Accounts;

public sealed class SignUpTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    private const string Email = "rhian@test.example";
    private const string Password = "Resident-Password-1";

    [Fact]
    public async Task Resident_signs_up_confirms_by_email_and_then_signs_in_with_the_password()
    {
        using var client = Fixture.CreateClient();
        var response = await SignUpAsync(client, Password, "Citizen");
        Assert.Contains("Check your email", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        using (var early = Fixture.CreateClient())
        {
            var refused = await BrowserSession.SignInAsync(early, Email, Password);
            Assert.Contains("Confirm your email address first", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        var mail = await Fixture.Smtp.WaitForAsync(Email);
        Assert.Equal("Confirm your email address", mail.Subject);
        var confirmed = await client.GetAsync(BrowserSession.LinkIn(mail.TextBody, "/account/confirm-email"), Cancel);
        Assert.Contains("Email address confirmed", await confirmed.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/profile", Cancel)).StatusCode);

        using var later = await BrowserSession.SignedInClientAsync(Fixture, Email, Password);
        await using var db = Fixture.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Email == Email, Cancel);
        Assert.True(user.EmailConfirmed);
        Assert.Equal(PlayerLevel.Citizen, user.PlayerLevel);
        Assert.Equal(OutboxEmailStatus.Sent, (await db.OutboxEmails.SingleAsync(Cancel)).Status);
    }

    [Fact]
    public async Task Passwordless_resident_signs_in_with_a_link_that_works_once()
    {
        using var client = Fixture.CreateClient();
        await SignUpAsync(client, password: "", level: "");
        await Fixture.Smtp.WaitForAsync(Email);
        Fixture.Smtp.Clear();

        var requested = await BrowserSession.SubmitFormAsync(client, "/account/email-sign-in", "email-sign-in",
            new Dictionary<string, string> { ["Input.Email"] = Email });
        Assert.Contains("sent a sign-in link", await requested.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var link = BrowserSession.LinkIn((await Fixture.Smtp.WaitForAsync(Email)).TextBody, "/account/sign-in-link");

        var used = await BrowserSession.SubmitFormAsync(client, link, "sign-in-link", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/profile", Cancel)).StatusCode);

        using var other = Fixture.CreateClient();
        var again = await BrowserSession.SubmitFormAsync(other, link, "sign-in-link", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("already been used", await again.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        await using var db = Fixture.CreateDbContext();
        Assert.True((await db.Users.SingleAsync(u => u.Email == Email, Cancel)).EmailConfirmed);
    }

    [Fact]
    public async Task Officers_never_get_a_sign_in_link()
    {
        await Fixture.CreateUserAsync("officer@test.example", Password, "Officer");
        using var client = Fixture.CreateClient();
        var response = await BrowserSession.SubmitFormAsync(client, "/account/email-sign-in", "email-sign-in",
            new Dictionary<string, string> { ["Input.Email"] = "officer@test.example" });
        Assert.Contains("sent a sign-in link", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        await using var db = Fixture.CreateDbContext();
        Assert.Equal(0, await db.OutboxEmails.CountAsync(Cancel));
    }

    [Fact]
    public async Task Signing_up_again_mails_the_owner_and_creates_no_second_account()
    {
        await Fixture.CreateUserAsync(Email, Password, "Resident");
        using var client = Fixture.CreateClient();
        var response = await client.PostAsJsonAsync("/api/account/residents",
            new { email = Email, displayName = "Someone else", password = "Another-Password-2" }, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("You already have an account", (await Fixture.Smtp.WaitForAsync(Email)).Subject);
        await using var db = Fixture.CreateDbContext();
        Assert.Equal(1, await db.Users.CountAsync(u => u.Email == Email, Cancel));
    }

    [Fact]
    public async Task Invalid_sign_up_names_each_field_in_the_api_and_in_the_form()
    {
        using var client = Fixture.CreateClient();
        var response = await client.PostAsJsonAsync("/api/account/residents",
            new { email = "not-an-email", displayName = "", password = "short", playerLevel = "Manager" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        var errors = problem.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("displayName", out _));
        Assert.Contains("at least 12", errors.GetProperty("password")[0].GetString(), StringComparison.Ordinal);

        var page = await (await SignUpAsync(client, "short", "", email: "")).Content.ReadAsStringAsync(Cancel);
        Assert.Contains("<a href=\"#email\">Enter your email address</a>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#password\">Your password must be at least 12 characters</a>", page, StringComparison.Ordinal);
        await using var db = Fixture.CreateDbContext();
        Assert.Equal(0, await db.Users.CountAsync(Cancel));
    }

    [Fact]
    public async Task Welsh_sign_up_form_and_email_are_in_Welsh()
    {
        using var client = Fixture.CreateClient();
        var page = await client.GetStringAsync("/account/sign-up?culture=cy", Cancel);
        Assert.Contains("Creu cyfrif", page, StringComparison.Ordinal);
        await BrowserSession.SubmitFormAsync(client, "/account/sign-up?culture=cy", "sign-up", new Dictionary<string, string>
        {
            ["Input.Email"] = Email, ["Input.DisplayName"] = "Rhian", ["Input.Password"] = Password,
        });
        Assert.Equal("Cadarnhewch eich cyfeiriad e-bost", (await Fixture.Smtp.WaitForAsync(Email)).Subject);
    }

    [Fact]
    public async Task Profile_records_an_optional_player_level()
    {
        await Fixture.CreateUserAsync(Email, Password, "Resident");
        using var client = await BrowserSession.SignedInClientAsync(Fixture, Email, Password);
        var saved = await BrowserSession.SubmitFormAsync(client, "/account/profile", "profile", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Rhian Jones", ["Input.PlayerLevel"] = "FrontLineWorker",
        });
        Assert.Contains("Your details have been saved", await saved.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        await BrowserSession.SubmitFormAsync(client, "/account/profile", "profile", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Rhian Jones", ["Input.PlayerLevel"] = "",
        });
        await using var db = Fixture.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Email == Email, Cancel);
        Assert.Equal("Rhian Jones", user.DisplayName);
        Assert.Null(user.PlayerLevel);
    }

    private static Task<HttpResponseMessage> SignUpAsync(HttpClient client, string password, string level, string email = Email) =>
        BrowserSession.SubmitFormAsync(client, "/account/sign-up", "sign-up", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.DisplayName"] = "Rhian", ["Input.Password"] = password, ["Input.PlayerLevel"] = level,
        });
}
