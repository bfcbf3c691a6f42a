using Mediator;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Data;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>For the officers' paper page: every batch of the process, newest first, with its disagreements.</summary>
public static class ListPaperBatches
{
    public sealed record Query(Guid ProcessId) : IQuery<IReadOnlyList<PaperBatchView>>;

    public sealed class Handler(AppDbContext db, PaperBallots paper) : IQueryHandler<Query, IReadOnlyList<PaperBatchView>>
    {
        public async ValueTask<IReadOnlyList<PaperBatchView>> Handle(Query query, CancellationToken cancellationToken)
        {
            var batches = await db.PaperBatches.AsNoTracking().Where(b => b.ProcessId == query.ProcessId)
                .OrderByDescending(b => b.CreatedAt).ToListAsync(cancellationToken);
            var views = new List<PaperBatchView>();
            foreach (var batch in batches)
            {
                views.Add(await paper.ViewAsync(batch, cancellationToken));
            }

            return views;
        }
    }
}
