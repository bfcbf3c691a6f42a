using Hangfire;

namespace ParticipativeDemocracy.Web.Jobs;

/// <summary>Registers the recurring jobs of polls and promises, each under a fixed id so replicas agree.</summary>
public sealed class ParticipationJobsRegistrar(IRecurringJobManager recurringJobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<AdvancePollsJob>(AdvancePollsJob.Id, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        recurringJobs.AddOrUpdate<RemindPromisedDatesJob>(RemindPromisedDatesJob.Id, job => job.RunAsync(CancellationToken.None), Cron.Hourly());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
