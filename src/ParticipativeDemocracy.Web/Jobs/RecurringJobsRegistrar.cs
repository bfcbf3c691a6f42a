using Hangfire;

namespace ParticipativeDemocracy.Web.Jobs;

/// <summary>Registers the recurring jobs at start-up, each under a fixed id so replicas agree.</summary>
public sealed class RecurringJobsRegistrar(IRecurringJobManager recurringJobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurringJobs.AddOrUpdate<AdvanceProcessStatusesJob>(
            AdvanceProcessStatusesJob.Id, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        recurringJobs.AddOrUpdate<CloseDueBudgetsJob>(
            CloseDueBudgetsJob.Id, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        recurringJobs.AddOrUpdate<CloseDueRoundsJob>(
            CloseDueRoundsJob.Id, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        recurringJobs.AddOrUpdate<JuryInvitationDeadlinesJob>(
            JuryInvitationDeadlinesJob.Id, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        recurringJobs.AddOrUpdate<AdvanceBudgetPhasesJob>(
            AdvanceBudgetPhasesJob.Id, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
