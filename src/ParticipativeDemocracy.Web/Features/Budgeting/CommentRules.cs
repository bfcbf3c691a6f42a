using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;

namespace ParticipativeDemocracy.Web.Features.Budgeting;

public static class CommentRules
{
    public static async Task<BudgetComment> LoadAsync(AppDbContext db, Guid processId, Guid commentId, CancellationToken cancellationToken) =>
        await db.BudgetComments.SingleOrDefaultAsync(c => c.Id == commentId && c.ProcessId == processId, cancellationToken)
        ?? throw new NotFoundException("Comment", commentId);

    public static void EnsureVisible(BudgetComment comment)
    {
        if (comment.HiddenAt is not null)
        {
            throw new ConflictException($"A moderator already hid this comment: {comment.HiddenReason}");
        }
    }
}
