using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Partnerships;

public sealed class HealthCheckTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task Members_rate_once_anonymously_and_results_show_levels_side_by_side_only_when_big_enough()
    {
        var scenario = await PartnershipScenario.CreateAsync(Fixture, minGroupSize: 2);
        var ann = await scenario.MemberAsync("Ann", PlayerLevel.Citizen);
        var ali = await scenario.MemberAsync("Ali", PlayerLevel.CommunityActivist);
        var cllr = await scenario.MemberAsync("Cllr", PlayerLevel.PolicyMaker);
        var mayor = await scenario.MemberAsync("Mayor", PlayerLevel.PolicyMaker);
        var mo = await scenario.MemberAsync("Mo", PlayerLevel.Manager);
        await Fixture.CreateUserAsync("outsider@residents.example", PartnershipScenario.Password, "Resident");
        using var outsider = await BrowserSession.SignedInClientAsync(Fixture, "outsider@residents.example", PartnershipScenario.Password);
        var check = await scenario.OpenCheckAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await scenario.Officer.PostAsync(scenario.Url("/health-checks"), null, Cancel)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await scenario.RateAsync(ann, check, 2, 2, 3, 2, 4, 1)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await scenario.RateAsync(ali, check, 2, 3, 3, 2, 4, 2)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await scenario.RateAsync(cllr, check, 5, 5, 4, 4, 5, 5)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await scenario.RateAsync(mayor, check, 4, 5, 4, 4, 5, 4)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await scenario.RateAsync(mo, check, 3, 3, 3, 3, 3, 3)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await scenario.RateAsync(ann, check, 1, 1, 1, 1, 1, 1)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await scenario.RateAsync(outsider, check, 3, 3, 3, 3, 3, 3)).StatusCode);
        var bad = await scenario.RateAsync(mo, check, 0, 6, 3);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").TryGetProperty("scores", out _));

        using var anonymous = Fixture.CreateClient();
        var before = await anonymous.GetFromJsonAsync<JsonElement>(scenario.Url("/health-checks"), Cancel);
        Assert.Equal(5, before.GetProperty("open").GetProperty("answers").GetInt32());
        Assert.Equal(0, before.GetProperty("closed").GetArrayLength());

        Assert.Equal(HttpStatusCode.OK, (await scenario.Officer.PostAsync(scenario.Url($"/health-checks/{check}/close"), null, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await scenario.RateAsync(mo, check, 3, 3, 3, 3, 3, 3)).StatusCode);
        var result = (await anonymous.GetFromJsonAsync<JsonElement>(scenario.Url("/health-checks"), Cancel)).GetProperty("closed")[0];
        var levels = result.GetProperty("levels").EnumerateArray().ToDictionary(l => l.GetProperty("level").GetString()!, l => l);
        Assert.Equal(2.0, levels["Residents"].GetProperty("means")[0].GetDouble());
        Assert.Equal(4.5, levels["PolicyMakers"].GetProperty("means")[0].GetDouble());
        Assert.Equal(JsonValueKind.Null, levels["Managers"].GetProperty("means").ValueKind);
        Assert.Equal(JsonValueKind.Null, levels["Managers"].GetProperty("answers").ValueKind);
        // Overall with the lone manager in it, minus the two shown levels, would give the manager's answer away.
        Assert.Equal(JsonValueKind.Null, result.GetProperty("overall").ValueKind);

        await using var db = Fixture.CreateDbContext();
        Assert.Equal(5, await db.HealthCheckParticipations.CountAsync(Cancel));
        var answers = await db.HealthCheckAnswers.ToListAsync(Cancel);
        Assert.All(answers, a => Assert.Equal(4, a.Id.Version));
        Assert.Equal(["Managers", "PolicyMakers", "Residents"], answers.Select(a => a.Level.ToString()).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Officers_edit_the_statements_and_repeated_checks_show_the_trend()
    {
        var scenario = await PartnershipScenario.CreateAsync(Fixture, minGroupSize: 2);
        var edit = await scenario.Officer.PutAsJsonAsync(scenario.Url(), new { statements = new[] { "We trust each other.", "Residents are listened to." }, minGroupSize = 2 }, Cancel);
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        var tooSmall = await scenario.Officer.PutAsJsonAsync(scenario.Url(), new { minGroupSize = 1 }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, tooSmall.StatusCode);
        var a = await scenario.MemberAsync("Ann", PlayerLevel.Citizen);
        var b = await scenario.MemberAsync("Bea", PlayerLevel.Citizen);

        var first = await scenario.OpenCheckAsync();
        await scenario.RateAsync(a, first, 2, 1);
        await scenario.RateAsync(b, first, 2, 2);
        await scenario.Officer.PostAsync(scenario.Url($"/health-checks/{first}/close"), null, Cancel);
        var second = await scenario.OpenCheckAsync();
        await scenario.RateAsync(a, second, 4, 3);
        await scenario.RateAsync(b, second, 4, 4);
        await scenario.Officer.PostAsync(scenario.Url($"/health-checks/{second}/close"), null, Cancel);

        using var anonymous = Fixture.CreateClient();
        var closed = (await anonymous.GetFromJsonAsync<JsonElement>(scenario.Url("/health-checks"), Cancel)).GetProperty("closed");
        Assert.Equal([1, 2], closed.EnumerateArray().Select(c => c.GetProperty("round").GetInt32()));
        Assert.Equal("Residents are listened to.", closed[1].GetProperty("statements")[1].GetString());
        Assert.Equal(1.5, closed[0].GetProperty("overall")[1].GetDouble());
        Assert.Equal(3.5, closed[1].GetProperty("overall")[1].GetDouble());
    }
}
