using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Juries;

public sealed class ConfigureAndRecruitTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task Officer_configures_a_jury_audited_and_bad_quotas_are_refused_by_field()
    {
        var jury = await JuryScenario.CreateAsync(Fixture);
        var view = await jury.Officer.GetFromJsonAsync<JsonElement>(jury.Url(), Cancel);
        Assert.Equal(6, view.GetProperty("panelSize").GetInt32());
        Assert.Equal(4, view.GetProperty("quotas").GetArrayLength());
        Assert.False(view.GetProperty("locked").GetBoolean());

        var bad = await jury.Officer.PutAsJsonAsync(jury.Url(), JuryScenario.Settings(new object[]
        {
            new { category = "gender", value = "Female", min = 4, max = 2 },
            new { category = "id", value = "x", min = 0, max = 1 },
        }), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.True(problem.GetProperty("errors").TryGetProperty("quotas[0].max", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("quotas[1].category", out _));

        var playerLevels = await jury.Officer.PutAsJsonAsync(jury.Url(), JuryScenario.Settings(new object[]
        {
            new { category = "player_level", value = "Citizen", min = 4, max = 6 },
            new { category = "player_level", value = "FrontLineWorker", min = 0, max = 2 },
        }), Cancel);
        Assert.Equal(HttpStatusCode.OK, playerLevels.StatusCode);
        Assert.Equal(2, (await playerLevels.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("configurationVersion").GetInt32());

        await using var db = Fixture.CreateDbContext();
        var audits = await db.AuditEntries.Where(a => a.Action == "ConfigureJury").OrderBy(a => a.Sequence).ToListAsync(Cancel);
        Assert.Equal(2, audits.Count);
        Assert.Null(audits[0].Before);
        Assert.Contains("player_level", audits[1].After, StringComparison.Ordinal);
        Assert.Contains("\"gender\"", audits[1].Before, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_budget_process_is_not_a_jury()
    {
        var jury = await JuryScenario.CreateAsync(Fixture);
        await using var db = Fixture.CreateDbContext();
        var council = await db.Organisations.Select(o => o.Id).SingleAsync(Cancel);
        var created = await jury.Officer.PostAsJsonAsync("/api/processes", new
        {
            organisationId = council, kind = "ParticipatoryBudget", title = "Budget", publish = false,
        }, Cancel);
        var budget = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        var response = await jury.Officer.PutAsJsonAsync($"/api/juries/{budget}", JuryScenario.Settings(), Cancel);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("not a citizens' jury", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resident_registers_with_features_consent_availability_and_access_needs()
    {
        var jury = await JuryScenario.CreateAsync(Fixture);
        using var anonymous = Fixture.CreateClient();
        var registration = new Dictionary<string, object?>
        {
            ["name"] = "Ada Jones", ["email"] = "Ada@Example.org", ["features"] = new { gender = "Female", age = "40+" },
            ["addressLine1"] = "1 Mill Lane", ["postcode"] = "CF10 1AA", ["consent"] = true,
            ["availability"] = "All four Saturdays", ["accessNeeds"] = "Step-free access",
        };
        var created = await anonymous.PostAsJsonAsync(jury.Url("/volunteers"), registration, Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("Form", (await created.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("source").GetString());

        var again = await anonymous.PostAsJsonAsync(jury.Url("/volunteers"), registration, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        registration["email"] = "other@example.org";
        registration["consent"] = false;
        registration["features"] = new { gender = "Robot" };
        var invalid = await anonymous.PostAsJsonAsync(jury.Url("/volunteers"), registration, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("consent", out _));

        registration["consent"] = true;
        var badFeature = await anonymous.PostAsJsonAsync(jury.Url("/volunteers"), registration, Cancel);
        errors = (await badFeature.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        Assert.Contains("not one of the values", errors.GetProperty("features.gender")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("Choose a value", errors.GetProperty("features.age")[0].GetString(), StringComparison.Ordinal);

        var pool = await jury.Officer.GetFromJsonAsync<JsonElement>(jury.Url("/volunteers"), Cancel);
        Assert.Equal(1, pool.GetProperty("total").GetInt32());
        var ada = pool.GetProperty("volunteers")[0];
        Assert.Equal("ada@example.org", ada.GetProperty("email").GetString());
        Assert.Equal("Step-free access", ada.GetProperty("accessNeeds").GetString());
        Assert.Equal("40+", ada.GetProperty("features").GetProperty("age").GetString());

        Fixture.Clock.SetUtcNow(PlatformFixture.Start.AddDays(21));
        registration["email"] = "late@example.org";
        registration["features"] = new { gender = "Male", age = "16-39" };
        var late = await anonymous.PostAsJsonAsync(jury.Url("/volunteers"), registration, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("closed", await late.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_letters_code_registers_one_household_once()
    {
        var jury = await JuryScenario.CreateAsync(Fixture);
        var batch = await jury.Officer.PostAsJsonAsync($"/api/processes/{jury.ProcessId}/codes", new { count = 2 }, Cancel);
        var code = (await batch.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("codes")[0].GetString();
        using var anonymous = Fixture.CreateClient();
        object Registration(string email, string? withCode) => new
        {
            name = "Letter reader", email, features = new { gender = "Male", age = "16-39" }, consent = true, code = withCode,
        };

        var first = await anonymous.PostAsJsonAsync(jury.Url("/volunteers"), Registration("a@letters.example", code), Cancel);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal("Letter", (await first.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("source").GetString());
        var reused = await anonymous.PostAsJsonAsync(jury.Url("/volunteers"), Registration("b@letters.example", code), Cancel);
        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        var unknown = await anonymous.PostAsJsonAsync(jury.Url("/volunteers"), Registration("c@letters.example", "NOPE-NOPE"), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("\"code\"", await unknown.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_refuses_a_file_with_bad_rows_naming_row_and_column_and_keeps_nothing()
    {
        var jury = await JuryScenario.CreateAsync(Fixture);
        var bad = await jury.ImportAsync("""
            id,name,email,gender,age,address_line_1,postcode
            P1,Ann,ann@pool.example,Female,16-39,1 High St,CF10 1AA
            P2,Bob,not-an-address,Male,40+,2 High St,CF10 1AA
            P1,Cat,cat@pool.example,Female,16-39,3 High St,CF10 1AA
            P4,Dan,dan@pool.example,Other,16-39,4 High St,CF10 1AA
            """);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors");
        Assert.Contains("Row 3, column 'email'", errors.GetProperty("rows[3].email")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("already in the pool", errors.GetProperty("rows[4].id")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("'Other'", errors.GetProperty("rows[5].gender")[0].GetString(), StringComparison.Ordinal);
        await using (var db = Fixture.CreateDbContext())
        {
            Assert.Equal(0, await db.JuryVolunteers.CountAsync(Cancel));
        }

        var missing = await jury.ImportAsync("id,name,email,gender\nP1,Ann,ann@pool.example,Female\n");
        Assert.Contains("no 'age' column", await missing.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        var good = await jury.ImportAsync(JuryScenario.PoolCsv(10));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(10, (await good.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("poolSize").GetInt32());

        var export = await jury.Officer.GetStringAsync(jury.Url("/volunteers.csv"), Cancel);
        var lines = export.TrimEnd('\n').Split('\n');
        Assert.Equal("id,name,email,gender,age,address_line_1,postcode,availability,access_needs,source", lines[0]);
        Assert.Equal(11, lines.Length);
        Assert.StartsWith("P001,Person 1,p1@pool.example,Male,16-39,1 High Street,CF10 1AA,Evenings,,Import", lines[1], StringComparison.Ordinal);

        // The exported file goes back in unchanged apart from its ids and addresses: same shape.
        var reimport = await jury.ImportAsync(export.Replace("P0", "Q0", StringComparison.Ordinal).Replace("@pool", "@again", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, reimport.StatusCode);
    }
}
