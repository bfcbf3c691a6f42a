using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;

namespace ParticipativeDemocracy.Web.Features.Rolls;

/// <summary>A roll's import progress and its report of refused rows.</summary>
public static class GetRoll
{
    public sealed record Query(Guid Id, int MaxProblems = 500) : IQuery<Roll>;

    public sealed record Roll(Guid Id, string Name, Guid OrganisationId, Guid? ProcessId, VoterRollStatus Status,
        int ProcessedRows, int AcceptedRows, int RejectedRows, IReadOnlyList<Problem> Problems);

    public sealed record Problem(int Row, string Reason);

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, Roll>
    {
        public async ValueTask<Roll> Handle(Query query, CancellationToken cancellationToken)
        {
            var roll = await db.VoterRolls.AsNoTracking().SingleOrDefaultAsync(r => r.Id == query.Id, cancellationToken)
                       ?? throw new NotFoundException("Roll", query.Id);
            var problems = await db.VoterRollProblems.AsNoTracking()
                .Where(p => p.RollId == query.Id)
                .OrderBy(p => p.RowNumber)
                .Take(query.MaxProblems)
                .Select(p => new Problem(p.RowNumber, p.Reason))
                .ToListAsync(cancellationToken);
            return new Roll(roll.Id, roll.Name, roll.OrganisationId, roll.ProcessId, roll.Status,
                roll.ProcessedRows, roll.AcceptedRows, roll.RejectedRows, problems);
        }
    }

    public static RouteGroupBuilder MapGetRoll(this RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}", async Task<Ok<Roll>> (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(id), ct)))
            .WithName(nameof(GetRoll))
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
