using System.Diagnostics;
using System.Text.Json;
using Hangfire;
using Mediator;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Sortition;
using ParticipativeDemocracy.Sortition.Feasibility;
using ParticipativeDemocracy.Sortition.Model;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Juries;
using ParticipativeDemocracy.Web.Features.Juries;
using ParticipativeDemocracy.Web.Realtime;

namespace ParticipativeDemocracy.Web.Jobs;

/// <summary>
/// Runs the sortition engine for one queued draw. A conditional UPDATE claims the draw, so a retried or
/// duplicated job never draws twice; progress goes to the officers' SignalR group and to the row.
/// </summary>
public sealed partial class JuryDrawJob(AppDbContext db, TimeProvider clock, IHubContext<ProcessHub, IProcessClient> hub, ILogger<JuryDrawJob> logger)
{
    /// <summary>A draw left running this long (the server died under it) may be claimed again.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(30);

    private static readonly TimeSpan SaveEvery = TimeSpan.FromSeconds(1);

    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(Guid drawId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var stale = now - StaleAfter;
        var claimed = await db.JuryDraws
            .Where(d => d.Id == drawId && (d.Status == JuryDrawStatus.Queued || (d.Status == JuryDrawStatus.Running && d.StartedAt < stale)))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, JuryDrawStatus.Running).SetProperty(d => d.StartedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return;
        }

        var draw = await db.JuryDraws.SingleAsync(d => d.Id == drawId, cancellationToken);
        var progress = new Reporter(db, hub, draw);
        try
        {
            var problem = DrawInputs.Problem(draw.CategoriesCsv, draw.RespondentsCsv, draw.PanelSize);
            var result = SortitionEngine.Draw(problem, new DrawOptions
            {
                Algorithm = Enum.Parse<SelectionAlgorithm>(draw.Algorithm), Seed = (ulong)draw.Seed, Progress = progress,
            });
            await SucceedAsync(draw, result, cancellationToken);
        }
        catch (InfeasibleQuotasException infeasible)
        {
            draw.Status = JuryDrawStatus.Infeasible;
            draw.Conflicts = [.. infeasible.Conflicts];
            draw.Relaxation = JsonSerializer.Serialize(infeasible.Relaxation.Select(RelaxationStep.Of).ToList(), DrawView.Json);
            draw.Error = infeasible.Message;
        }
        catch (Exception ex) when (ex is SortitionProblemException or SortitionTimeoutException or SortitionInputException)
        {
            draw.Status = JuryDrawStatus.Failed;
            draw.Error = ex.Message;
        }
        catch (Exception ex)
        {
            LogDrawFailed(logger, ex, drawId);
            draw.Status = JuryDrawStatus.Failed;
            draw.Error = "The draw failed unexpectedly; the error is in the server log.";
        }

        draw.FinishedAt = clock.GetUtcNow();
        draw.Progress = draw.Status == JuryDrawStatus.Succeeded ? "Done" : draw.Error ?? draw.Status.ToString();
        await db.SaveChangesAsync(CancellationToken.None);
        await hub.Clients.Group(ProcessHub.OfficerGroupOf(draw.ProcessId))
            .DrawProgress(new DrawProgressUpdate(draw.ProcessId, draw.Id, draw.Status.ToString(), draw.Progress, Finished: true));
    }

    private async Task SucceedAsync(JuryDraw draw, DrawResult result, CancellationToken cancellationToken)
    {
        draw.Status = JuryDrawStatus.Succeeded;
        draw.Panel = [.. result.Panel];
        draw.Probabilities = [.. result.Probabilities];
        draw.MinProbability = result.MinProbability;
        draw.LotterySize = result.LotterySize;
        var selected = await db.JuryVolunteers
            .Where(v => v.ProcessId == draw.ProcessId && v.DrawId != null && draw.Panel.Contains(v.DrawId))
            .Select(v => v.Id).ToListAsync(cancellationToken);
        db.JuryInvitations.AddRange(selected.Select(id => new JuryInvitation
        {
            Id = Guid.CreateVersion7(), ProcessId = draw.ProcessId, VolunteerId = id, Round = 0, Status = JuryInvitationStatus.Drawn,
        }));
    }

    /// <summary>The engine reports on its own thread, synchronously: push every line, save the latest about once a second.</summary>
    private sealed class Reporter(AppDbContext db, IHubContext<ProcessHub, IProcessClient> hub, JuryDraw draw) : IProgress<string>
    {
        private readonly Stopwatch _sinceSave = Stopwatch.StartNew();

        public void Report(string value)
        {
            var message = value.Length > 500 ? value[..500] : value;
            _ = hub.Clients.Group(ProcessHub.OfficerGroupOf(draw.ProcessId))
                .DrawProgress(new DrawProgressUpdate(draw.ProcessId, draw.Id, nameof(JuryDrawStatus.Running), message, Finished: false));
            if (_sinceSave.Elapsed < SaveEvery && draw.Progress != "Queued")
            {
                return;
            }

            draw.Progress = message;
            db.JuryDraws.Where(d => d.Id == draw.Id).ExecuteUpdate(s => s.SetProperty(d => d.Progress, message));
            _sinceSave.Restart();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Jury draw {DrawId} failed")]
    private static partial void LogDrawFailed(ILogger logger, Exception exception, Guid drawId);
}

public sealed class EnqueueJuryDrawOnCommit(IBackgroundJobClient jobs) : INotificationHandler<JuryDrawRequested>
{
    public ValueTask Handle(JuryDrawRequested notification, CancellationToken cancellationToken)
    {
        jobs.Enqueue<JuryDrawJob>(job => job.RunAsync(notification.DrawId, CancellationToken.None));
        return ValueTask.CompletedTask;
    }
}
