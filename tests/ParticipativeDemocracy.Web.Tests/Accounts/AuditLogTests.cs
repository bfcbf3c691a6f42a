using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Accounts;

public sealed class AuditLogTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    private const string Password = "Admin-Password-123";

    [Fact]
    public async Task Officer_action_is_logged_with_who_what_when_and_after()
    {
        using var admin = await AdminAsync();
        await CreateProcessesAsync(admin, 1);

        var log = await admin.GetFromJsonAsync<JsonElement>("/api/admin/audit", Cancel);
        Assert.True(log.GetProperty("verification").GetProperty("isIntact").GetBoolean());
        var entry = Assert.Single(log.GetProperty("entries").EnumerateArray());
        Assert.Equal("admin@test.example", entry.GetProperty("actor").GetString());
        Assert.Equal("CreateProcess", entry.GetProperty("action").GetString());
        Assert.Equal("Process", entry.GetProperty("targetType").GetString());
        Assert.Contains("Process 0", entry.GetProperty("after").GetString(), StringComparison.Ordinal);
        Assert.Equal(PlatformFixture.Start, entry.GetProperty("at").GetDateTimeOffset());
        Assert.Contains("all 1 entries check out", await admin.GetStringAsync("/admin/audit", Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_edited_with_sql_is_detected()
    {
        using var admin = await AdminAsync();
        await CreateProcessesAsync(admin, 3);
        await ExecuteAsync("""
            ALTER TABLE app."AuditEntries" DISABLE TRIGGER audit_entries_append_only;
            UPDATE app."AuditEntries" SET "After" = '{"title":"Forged"}' WHERE "Sequence" = 2;
            ALTER TABLE app."AuditEntries" ENABLE TRIGGER audit_entries_append_only;
            """);

        var verification = (await admin.GetFromJsonAsync<JsonElement>("/api/admin/audit", Cancel)).GetProperty("verification");
        Assert.False(verification.GetProperty("isIntact").GetBoolean());
        Assert.Equal(2, verification.GetProperty("brokenAt").GetInt64());
        Assert.Contains("tampered with: the chain breaks at entry 2", await admin.GetStringAsync("/admin/audit", Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_removed_entry_is_detected()
    {
        using var admin = await AdminAsync();
        await CreateProcessesAsync(admin, 3);
        await ExecuteAsync("""
            ALTER TABLE app."AuditEntries" DISABLE TRIGGER audit_entries_append_only;
            DELETE FROM app."AuditEntries" WHERE "Sequence" = 2;
            ALTER TABLE app."AuditEntries" ENABLE TRIGGER audit_entries_append_only;
            """);

        var verification = (await admin.GetFromJsonAsync<JsonElement>("/api/admin/audit", Cancel)).GetProperty("verification");
        Assert.False(verification.GetProperty("isIntact").GetBoolean());
        Assert.Contains("Entry 2 is missing", verification.GetProperty("problem").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_database_refuses_updates_and_deletes()
    {
        using var admin = await AdminAsync();
        await CreateProcessesAsync(admin, 1);
        var update = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync("""UPDATE app."AuditEntries" SET "ActorName" = 'x'"""));
        Assert.Contains("append-only", update.MessageText, StringComparison.Ordinal);
        await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync("""DELETE FROM app."AuditEntries" """));
    }

    [Fact]
    public async Task Parallel_actions_keep_one_unbroken_chain()
    {
        using var admin = await AdminAsync();
        var council = await SeedCouncilAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => admin.PostAsJsonAsync("/api/processes",
            new { organisationId = council, kind = "ServiceUserPoll", title = $"Poll {i}", publish = false }, Cancel)));
        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode));

        var verification = (await admin.GetFromJsonAsync<JsonElement>("/api/admin/audit", Cancel)).GetProperty("verification");
        Assert.True(verification.GetProperty("isIntact").GetBoolean(), verification.ToString());
        Assert.Equal(12, verification.GetProperty("checked").GetInt32());
    }

    [Fact]
    public async Task Only_administrators_read_the_log()
    {
        await Fixture.CreateUserAsync("officer@test.example", Password, "Officer");
        using var officer = await BrowserSession.SignedInClientAsync(Fixture, "officer@test.example", Password);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await officer.GetAsync("/api/admin/audit", Cancel)).StatusCode);
    }

    private async Task<HttpClient> AdminAsync()
    {
        await Fixture.CreateUserAsync("admin@test.example", Password, "Administrator");
        return await BrowserSession.SignedInClientAsync(Fixture, "admin@test.example", Password);
    }

    private async Task CreateProcessesAsync(HttpClient client, int count)
    {
        var council = await SeedCouncilAsync();
        for (var i = 0; i < count; i++)
        {
            var response = await client.PostAsJsonAsync("/api/processes",
                new { organisationId = council, kind = "ServiceUserPoll", title = $"Process {i}", publish = false }, Cancel);
            response.EnsureSuccessStatusCode();
        }
    }

    private async Task<Guid> SeedCouncilAsync()
    {
        await using var db = Fixture.CreateDbContext();
        var council = new Organisation { Id = Guid.NewGuid(), Name = "Council", Slug = $"c-{Guid.NewGuid():N}"[..10], TimeZone = "Europe/London" };
        db.Organisations.Add(council);
        await db.SaveChangesAsync(Cancel);
        return council.Id;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Cancel);
    }
}
