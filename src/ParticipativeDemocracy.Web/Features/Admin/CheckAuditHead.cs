using System.Globalization;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Audit;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Data;

namespace ParticipativeDemocracy.Web.Features.Admin;

/// <summary>Checks the log against a head exported earlier: the entry must still be there, unchanged, in an intact chain.</summary>
public static class CheckAuditHead
{
    public sealed record Query(long Sequence, string Hash) : IQuery<Outcome>;

    public sealed record Outcome(bool Matches, long CurrentSequence, string? Problem);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(c => c.Sequence).GreaterThanOrEqualTo(0);
            RuleFor(c => c.Hash).NotEmpty().Matches("^[0-9a-fA-F]{64}$")
                .WithMessage("Enter the 64-character hexadecimal hash from the exported head.");
        }
    }

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, Outcome>
    {
        public async ValueTask<Outcome> Handle(Query query, CancellationToken cancellationToken)
        {
            var all = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
            var current = all.Count == 0 ? 0 : all[^1].Sequence;
            var chain = AuditChain.Verify(all);
            if (!chain.IsIntact)
            {
                return new Outcome(false, current, chain.Problem);
            }

            var hash = query.Hash.ToLowerInvariant();
            if (query.Sequence == 0)
            {
                return hash == AuditChain.Genesis ? new Outcome(true, current, null) : new Outcome(false, current, Differs(0));
            }

            var entry = all.Find(e => e.Sequence == query.Sequence);
            if (entry is null)
            {
                return new Outcome(false, current, string.Create(CultureInfo.InvariantCulture,
                    $"Entry {query.Sequence} is missing: the log now ends at entry {current}, so entries after it were removed."));
            }

            return entry.Hash == hash ? new Outcome(true, current, null) : new Outcome(false, current, Differs(query.Sequence));
        }

        private static string Differs(long sequence) => string.Create(CultureInfo.InvariantCulture,
            $"Entry {sequence} no longer has the exported hash: the log was rewritten from that entry or before it.");
    }

    public sealed record Body(long Sequence, string Hash);

    public static RouteGroupBuilder MapCheckAuditHead(this RouteGroupBuilder group)
    {
        group.MapPost("/audit/head-checks", async Task<Ok<Outcome>> (Body body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(body.Sequence, body.Hash ?? ""), ct)))
            .WithName(nameof(CheckAuditHead))
            .ProducesValidationProblem()
            .RequireAuthorization(Policies.Administrator);
        return group;
    }
}
