using Mediator;
using ParticipativeDemocracy.Web.Data;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

/// <summary>For the officers' paper page: every batch of the process, newest first, with its disagreements and set-aside ballots.</summary>
public static class ListPaperBatches
{
    public sealed record Query(Guid ProcessId) : IQuery<IReadOnlyList<PaperBatchView>>;

    public sealed class Handler(AppDbContext db, PaperBallots paper) : IQueryHandler<Query, IReadOnlyList<PaperBatchView>>
    {
        public async ValueTask<IReadOnlyList<PaperBatchView>> Handle(Query query, CancellationToken cancellationToken) =>
            await paper.ViewsAsync(db.PaperBatches.Where(b => b.ProcessId == query.ProcessId), cancellationToken);
    }
}
