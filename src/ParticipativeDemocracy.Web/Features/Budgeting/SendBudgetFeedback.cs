using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ParticipativeDemocracy.Web.Common.Email;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;
using ParticipativeDemocracy.Web.Features.Promises;
using ParticipativeDemocracy.Web.Resources;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>
/// Once a budget's outcome is stored: each proposer hears whether their project was funded and why
/// (the count's own explanation), and residents who asked for updates get the results. Exactly once,
/// whoever runs it and however often: the first caller's run row wins.
/// </summary>
public static class SendBudgetFeedback
{
    public sealed record Command(Guid ProcessId) : ICommand<FeedbackSent>;

    public sealed record FeedbackSent(bool Sent, int Proposers, int Followers);

    public sealed class Handler(
        AppDbContext db, TimeProvider clock, EmailOutbox outbox, PromiseFeedback promiseFeedback, IStringLocalizer<SharedResource> text)
        : ICommandHandler<Command, FeedbackSent>
    {
        public async ValueTask<FeedbackSent> Handle(Command command, CancellationToken cancellationToken)
        {
            var outcomes = await db.BudgetOutcomes.AsNoTracking().Where(o => o.ProcessId == command.ProcessId).ToListAsync(cancellationToken);
            var outcome = ProcessBudgets.Combine(outcomes) ?? throw new NotFoundException("Results of process", command.ProcessId);
            var claimed = await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO app."BudgetFeedbackRuns" ("ProcessId", "SentAt", "Proposers", "Followers")
                VALUES ({command.ProcessId}, {clock.GetUtcNow()}, 0, 0)
                ON CONFLICT DO NOTHING
                """, cancellationToken);
            if (claimed == 0)
            {
                return new FeedbackSent(false, 0, 0);
            }

            var process = await db.Processes.AsNoTracking().Where(p => p.Id == command.ProcessId)
                .Select(p => new { p.Title, p.Slug }).SingleAsync(cancellationToken);
            var currency = await db.BudgetSettings.Where(b => b.ProcessId == command.ProcessId).Select(b => b.Currency).SingleAsync(cancellationToken);
            var projects = await db.BudgetProjects.AsNoTracking()
                .Where(p => p.ProcessId == command.ProcessId && p.Status != ProposalStatus.Withdrawn)
                .OrderBy(p => p.Code)
                .ToListAsync(cancellationToken);
            var results = outbox.Link($"/processes/{process.Slug}/results");
            var promise = await promiseFeedback.LoadAsync(command.ProcessId, cancellationToken);
            var proposers = await TellProposersAsync(process.Title, projects, outcome, results, promise, cancellationToken);
            var followers = await db.ProcessFollowers.Where(f => f.ProcessId == command.ProcessId).Select(f => f.UserId).ToListAsync(cancellationToken);
            var winners = projects.Where(p => outcome.SelectedCodes.Contains(p.Code)).OrderBy(p => outcome.SelectedCodes.IndexOf(p.Code)).ToList();
            var told = await BudgetMail.SendAsync(db, outbox, followers, _ => new BudgetMail.Message(
                BudgetMail.Format(text, "MailResultsSubject", process.Title),
                BudgetMail.Format(text, "MailResultsBody", process.Title, outcome.BallotCount,
                    string.Join("\n", winners.Select(w => $"- {w.Code} {w.Title} ({Money.Format(w.BallotCost, currency)})")), results)
                    + promise.AsFooter()), cancellationToken);
            await db.BudgetFeedbackRuns.Where(r => r.ProcessId == command.ProcessId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Proposers, proposers).SetProperty(r => r.Followers, told), cancellationToken);
            return new FeedbackSent(true, proposers, told);
        }

        private Task<int> TellProposersAsync(
            string title, List<BudgetProject> projects, BudgetOutcome outcome, Uri results, PromiseParagraph promise,
            CancellationToken cancellationToken)
        {
            var byAuthor = projects.Where(p => p.AuthorId is not null).GroupBy(p => p.AuthorId!.Value).ToDictionary(g => g.Key, g => g.ToList());
            var codes = projects.ToDictionary(p => p.Id, p => p.Code);
            return BudgetMail.SendAsync(db, outbox, byAuthor.Keys, author =>
            {
                var body = new StringBuilder();
                foreach (var project in byAuthor[author])
                {
                    body.AppendLine(Verdict(project, outcome, codes)).AppendLine();
                    foreach (var line in outcome.Explanation.Where(l => Regex.IsMatch(l, $@"\b{Regex.Escape(project.Code)}\b")))
                    {
                        body.Append("  ").AppendLine(line.Trim());
                    }

                    body.AppendLine();
                }

                return new BudgetMail.Message(
                    BudgetMail.Format(text, "MailFeedbackSubject", title),
                    BudgetMail.Format(text, "MailFeedbackBody", title, body.ToString().TrimEnd(), outcome.Rule, results) + promise.AsFooter());
            }, cancellationToken);
        }

        private string Verdict(BudgetProject project, BudgetOutcome outcome, Dictionary<Guid, string> codes) => project.Status switch
        {
            _ when outcome.SelectedCodes.Contains(project.Code) => BudgetMail.Format(text, "MailFeedbackFunded", project.Code, project.Title),
            ProposalStatus.Feasible => BudgetMail.Format(text, "MailFeedbackNotFunded", project.Code, project.Title),
            ProposalStatus.Infeasible => BudgetMail.Format(text, "MailFeedbackInfeasible", project.Code, project.Title, project.ReviewReason),
            ProposalStatus.Merged => BudgetMail.Format(text, "MailFeedbackMerged", project.Code, project.Title,
                project.MergedIntoId is { } target ? codes.GetValueOrDefault(target) : null),
            _ => BudgetMail.Format(text, "MailFeedbackNotReviewed", project.Code, project.Title),
        };
    }
}
