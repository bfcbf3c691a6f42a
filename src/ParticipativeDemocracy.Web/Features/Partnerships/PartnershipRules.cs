using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ParticipativeDemocracy.Web.Common.Email;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Data.Entities.Partnerships;
using ParticipativeDemocracy.Web.Features.Promises;
using ParticipativeDemocracy.Web.Resources;

namespace ParticipativeDemocracy.Web.Features.Partnerships;

/// <summary>What the partnership use cases share: finding one, the four levels, and telling followers.</summary>
public static class PartnershipRules
{
    public static readonly IReadOnlyList<string> DefaultStatements =
    [
        "We trust each other.",
        "We are open with each other about what we know and what we intend.",
        "Each of us does what we said we would do.",
        "Everyone gives and gets something from the partnership.",
        "We share the same goals.",
        "Power is shared: residents' views change what is decided.",
    ];

    public static SliceLevel SliceOf(PlayerLevel level) => level switch
    {
        PlayerLevel.Citizen or PlayerLevel.CommunityActivist => SliceLevel.Residents,
        PlayerLevel.FrontLineWorker => SliceLevel.FrontLineWorkers,
        PlayerLevel.Manager => SliceLevel.Managers,
        _ => SliceLevel.PolicyMakers,
    };

    public static async Task<Partnership> LoadAsync(AppDbContext db, Guid processId, CancellationToken cancellationToken) =>
        await db.Partnerships.SingleOrDefaultAsync(p => p.ProcessId == processId, cancellationToken)
        ?? throw new NotFoundException("Partnership", processId);

    public static async Task EnsurePartnershipProcessAsync(AppDbContext db, Guid processId, CancellationToken cancellationToken)
    {
        var kind = await db.Processes.Where(p => p.Id == processId).Select(p => (ProcessKind?)p.Kind).SingleOrDefaultAsync(cancellationToken);
        if (kind is null)
        {
            throw new NotFoundException("Process", processId);
        }

        if (kind != ProcessKind.Partnership)
        {
            throw new ConflictException("This process is not a partnership.");
        }
    }

    public static Composition CompositionOf(IEnumerable<PlayerLevel> memberLevels)
    {
        var counts = memberLevels.GroupBy(SliceOf).ToDictionary(g => g.Key, g => g.Count());
        var levels = Enum.GetValues<SliceLevel>().Select(l => new LevelCount(l, counts.GetValueOrDefault(l))).ToList();
        var missing = levels.Where(l => l.Members == 0).Select(l => l.Level).ToList();
        return new Composition(levels, missing.Count > 0, missing);
    }
}

public sealed record Composition(IReadOnlyList<LevelCount> Levels, bool HorizontalOnly, IReadOnlyList<SliceLevel> Missing);

public sealed record LevelCount(SliceLevel Level, int Members);

/// <summary>Mails an update to everyone following a partnership, with its participation promise, in the command's transaction.</summary>
public sealed class PartnershipUpdates(AppDbContext db, EmailOutbox outbox, PromiseFeedback promise, IStringLocalizer<ParticipationText> t)
{
    public async Task<int> SendAsync(Guid processId, string update, CancellationToken cancellationToken)
    {
        var process = await db.Processes.AsNoTracking().SingleAsync(p => p.Id == processId, cancellationToken);
        var followers = await db.PartnershipFollowers.AsNoTracking().Where(f => f.ProcessId == processId)
            .Select(f => f.Email).ToListAsync(cancellationToken);
        var promised = await promise.ForEmailAsync(processId, cancellationToken);
        foreach (var email in followers)
        {
            await outbox.EnqueueAsync(email, string.Format(CultureInfo.CurrentCulture, t["MailPartnershipUpdateSubject"], process.Title),
                string.Format(CultureInfo.CurrentCulture, t["MailPartnershipUpdateBody"], process.Title, update,
                    outbox.Link($"/partnerships/{process.Slug}"), promised), cancellationToken);
        }

        return followers.Count;
    }
}
