using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Jobs;
using ParticipativeDemocracy.Web.Realtime;
using ParticipativeDemocracy.Web.Tests.Infrastructure;

namespace ParticipativeDemocracy.Web.Tests.Foundation;

public sealed class LiveUpdatesAndJobsTests(PlatformFixture fixture) : PlatformTest(fixture)
{
    [Fact]
    public void Recurring_jobs_are_registered_in_hangfire_storage()
    {
        var storage = Fixture.Factory.Services.GetRequiredService<JobStorage>();
        using var connection = storage.GetConnection();
        Assert.Contains(connection.GetRecurringJobs(), job => job.Id == AdvanceProcessStatusesJob.Id);
    }

    [Fact]
    public async Task Hangfire_job_opens_a_due_process_and_watchers_hear_it_live()
    {
        var process = await SeedUpcomingProcessAsync(opensIn: TimeSpan.FromHours(1));
        await using var hub = await HubClient.ConnectAsync(Fixture, Cancel);
        var heard = new TaskCompletionSource<ProcessChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<ProcessChange>(nameof(IProcessClient.ProcessChanged), change => heard.TrySetResult(change));
        await hub.InvokeAsync(nameof(ProcessHub.WatchProcess), process.Id, Cancel);

        Fixture.Clock.Advance(TimeSpan.FromHours(2));
        Fixture.Factory.Services.GetRequiredService<IBackgroundJobClient>()
            .Enqueue<AdvanceProcessStatusesJob>(job => job.RunAsync(CancellationToken.None));

        var change = await heard.Task.WaitAsync(TimeSpan.FromSeconds(30), Cancel);
        Assert.Equal(process.Id, change.ProcessId);
        Assert.Equal("Open", change.Status);
        await using var db = Fixture.CreateDbContext();
        Assert.Equal(ProcessStatus.Open, (await db.Processes.SingleAsync(Cancel)).Status);
    }

    [Fact]
    public async Task Process_that_is_not_yet_due_stays_upcoming()
    {
        await SeedUpcomingProcessAsync(opensIn: TimeSpan.FromHours(3));
        Fixture.Clock.Advance(TimeSpan.FromHours(2));
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AdvanceProcessStatusesJob>().RunAsync(Cancel);

        await using var db = Fixture.CreateDbContext();
        Assert.Equal(ProcessStatus.Upcoming, (await db.Processes.SingleAsync(Cancel)).Status);
    }

    private async Task<Process> SeedUpcomingProcessAsync(TimeSpan opensIn)
    {
        await using var db = Fixture.CreateDbContext();
        var council = new Organisation { Id = Guid.NewGuid(), Name = "Council", Slug = "council", TimeZone = "Europe/London" };
        var start = Fixture.Clock.GetUtcNow();
        var process = new Process
        {
            Id = Guid.NewGuid(),
            OrganisationId = council.Id,
            Kind = ProcessKind.ParticipatoryBudget,
            Title = "Budget",
            Slug = "budget",
            Status = ProcessStatus.Upcoming,
            OpensAt = start + opensIn,
            ClosesAt = start.AddDays(7),
            CreatedAt = start,
            UpdatedAt = start,
        };
        db.AddRange(council, process);
        await db.SaveChangesAsync(Cancel);
        return process;
    }
}
