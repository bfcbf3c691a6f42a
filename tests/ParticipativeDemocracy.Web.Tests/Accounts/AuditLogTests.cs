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
    public async Task Removing_the_newest_entries_is_detected_against_an_exported_head()
    {
        using var admin = await AdminAsync();
        await CreateProcessesAsync(admin, 3);
        using var export = await admin.GetAsync("/api/admin/audit/head", Cancel);
        Assert.Contains("audit-head-3.json", export.Content.Headers.ContentDisposition?.ToString() ?? "", StringComparison.Ordinal);
        var head = await export.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(3, head.GetProperty("sequence").GetInt64());
        var exported = new { sequence = 3, hash = head.GetProperty("hash").GetString() };

        var before = await CheckHeadAsync(admin, exported);
        Assert.True(before.GetProperty("matches").GetBoolean(), before.ToString());

        await ExecuteAsync("""
            ALTER TABLE app."AuditEntries" DISABLE TRIGGER audit_entries_append_only;
            DELETE FROM app."AuditEntries" WHERE "Sequence" = 3;
            ALTER TABLE app."AuditEntries" ENABLE TRIGGER audit_entries_append_only;
            """);

        var chainAlone = (await admin.GetFromJsonAsync<JsonElement>("/api/admin/audit", Cancel)).GetProperty("verification");
        Assert.True(chainAlone.GetProperty("isIntact").GetBoolean(), "Without the head, a truncated chain still checks out.");
        var after = await CheckHeadAsync(admin, exported);
        Assert.False(after.GetProperty("matches").GetBoolean());
        Assert.Equal(2, after.GetProperty("currentSequence").GetInt64());
        Assert.Contains("Entry 3 is missing", after.GetProperty("problem").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_head_with_another_hash_does_not_match_and_a_malformed_one_is_a_400()
    {
        using var admin = await AdminAsync();
        await CreateProcessesAsync(admin, 2);

        var other = await CheckHeadAsync(admin, new { sequence = 2, hash = new string('a', 64) });
        Assert.False(other.GetProperty("matches").GetBoolean());
        Assert.Contains("no longer has the exported hash", other.GetProperty("problem").GetString(), StringComparison.Ordinal);

        using var malformed = await admin.PostAsJsonAsync("/api/admin/audit/head-checks", new { sequence = -1, hash = "xyz" }, Cancel);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, malformed.StatusCode);
        var problem = await malformed.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.True(problem.GetProperty("errors").TryGetProperty("hash", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("sequence", out _));
    }

    private static async Task<JsonElement> CheckHeadAsync(HttpClient client, object head)
    {
        using var response = await client.PostAsJsonAsync("/api/admin/audit/head-checks", head, Cancel);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
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
