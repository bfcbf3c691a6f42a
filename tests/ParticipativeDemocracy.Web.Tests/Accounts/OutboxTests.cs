using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ParticipativeDemocracy.Web.Common.Email;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Jobs;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Accounts;

public sealed class OutboxTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    private const string Password = "Admin-Password-123";

    [Fact]
    public async Task Unreachable_mail_server_records_the_failure_and_throws_so_Hangfire_retries()
    {
        var id = await AddEmailAsync();
        var closedPort = new TestSmtpServer().Port;
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var job = JobWith(scope, new EmailOptions { Smtp = new SmtpOptions { Host = "127.0.0.1", Port = closedPort, Security = MailKit.Security.SecureSocketOptions.None } });
        await Assert.ThrowsAnyAsync<Exception>(() => job.RunAsync(id, Cancel));

        await using var db = Fixture.CreateDbContext();
        var email = await db.OutboxEmails.SingleAsync(Cancel);
        Assert.Equal(OutboxEmailStatus.Pending, email.Status);
        Assert.Equal(1, email.Attempts);
        Assert.False(string.IsNullOrEmpty(email.LastError));
    }

    [Fact]
    public async Task Without_a_mail_server_mail_is_held_and_administrators_read_it_in_the_outbox()
    {
        var id = await AddEmailAsync();
        await using (var scope = Fixture.Factory.Services.CreateAsyncScope())
        {
            await JobWith(scope, new EmailOptions()).RunAsync(id, Cancel);
        }

        await Fixture.CreateUserAsync("admin@test.example", Password, "Administrator");
        using var admin = await BrowserSession.SignedInClientAsync(Fixture, "admin@test.example", Password);
        var page = await admin.GetStringAsync("/admin/outbox", Cancel);
        Assert.Contains("Held (no mail server)", page, StringComparison.Ordinal);
        Assert.Contains("secret body text", page, StringComparison.Ordinal);

        await Fixture.CreateUserAsync("resident@test.example", Password, "Resident");
        using var resident = await BrowserSession.SignedInClientAsync(Fixture, "resident@test.example", Password);
        var refused = await resident.GetAsync("/admin/outbox", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/access-denied", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync("/api/admin/outbox", Cancel)).StatusCode);
    }

    private static SendEmailJob JobWith(AsyncServiceScope scope, EmailOptions options) =>
        new(scope.ServiceProvider.GetRequiredService<AppDbContext>(), Options.Create(options), TimeProvider.System);

    private async Task<Guid> AddEmailAsync()
    {
        await using var db = Fixture.CreateDbContext();
        var email = new OutboxEmail
        {
            Id = Guid.NewGuid(), To = "someone@test.example", Subject = "Hello", TextBody = "secret body text",
            CreatedAt = Fixture.Clock.GetUtcNow(),
        };
        db.OutboxEmails.Add(email);
        await db.SaveChangesAsync(Cancel);
        return email.Id;
    }
}
