using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParticipativeDemocracy.Web.Data.Entities.Deliberation;
using ParticipativeDemocracy.Web.Data.Seeding;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Deliberation;

public sealed class DemoJuryRoomSeedTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public async Task Demo_seed_has_one_session_in_progress_for_the_demo_jury_however_often_it_runs()
    {
        for (var run = 0; run < 2; run++)
        {
            await using var scope = Fixture.Factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoCouncilSeeder>().SeedAsync(Cancel);
        }

        await using var db = Fixture.CreateDbContext();
        var jury = await db.Processes.SingleAsync(p => p.Slug == "clean-air-jury", Cancel);
        var session = await db.JurySessions.SingleAsync(s => s.ProcessId == jury.Id, Cancel);
        Assert.Equal(SessionStatus.Live, session.Status);
        Assert.NotNull(session.SpeakerName);
        Assert.Equal(2, await db.SpeakerQueue.CountAsync(q => q.SessionId == session.Id, Cancel));
        var report = await Fixture.CreateClient().GetFromJsonAsync<JsonElement>("/api/juries/clean-air-jury/report", Cancel);
        Assert.Equal("R01", report.GetProperty("recommendations")[0].GetProperty("code").GetString());
        Assert.Equal(2, await db.Evidence.CountAsync(e => e.ProcessId == jury.Id, Cancel));
        var evidence = await Fixture.CreateClient().GetStringAsync("/juries/clean-air-jury/evidence", Cancel);
        Assert.Contains("About four in ten", evidence, StringComparison.Ordinal);

        var facilitator = Fixture.CreateClient();
        var demo = new DemoCouncilOptions();
        await BrowserSession.SignInAsync(facilitator, demo.FacilitatorEmail, demo.FacilitatorPassword);
        var room = await facilitator.GetStringAsync("/juries/clean-air-jury/room", Cancel);
        Assert.Contains("Session 2: weighing the options", room, StringComparison.Ordinal);
    }
}
