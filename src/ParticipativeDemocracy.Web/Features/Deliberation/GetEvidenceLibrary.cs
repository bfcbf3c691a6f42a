using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Deliberation;

namespace ParticipativeDemocracy.Web.Features.Deliberation;

/// <summary>
/// The evidence the jury heard and the questions it put to witnesses, with their answers. Public:
/// anyone may see what the jury was told.
/// </summary>
public static class GetEvidenceLibrary
{
    public sealed record Query(Guid ProcessId) : IQuery<Library>;

    public sealed record Library(IReadOnlyList<EvidenceView> Evidence, IReadOnlyList<QuestionView> Questions);

    public sealed record EvidenceView(
        Guid Id, EvidenceKind Kind, string Title, string? Url, string? WitnessName, string? Statement, string? FileName, DateTimeOffset AddedAt);

    public sealed record QuestionView(Guid Id, string WitnessName, string Question, string AskedBy, string? Answer, DateTimeOffset AskedAt);

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, Library>
    {
        public async ValueTask<Library> Handle(Query query, CancellationToken cancellationToken)
        {
            await JuryAccess.JuryAsync(db, query.ProcessId, cancellationToken);
            var evidence = await db.Evidence.AsNoTracking().Where(e => e.ProcessId == query.ProcessId).OrderBy(e => e.AddedAt)
                .Select(e => new EvidenceView(e.Id, e.Kind, e.Title, e.Url, e.WitnessName, e.Statement, e.FileName, e.AddedAt))
                .ToListAsync(cancellationToken);
            var questions = await db.WitnessQuestions.AsNoTracking().Where(q => q.ProcessId == query.ProcessId).OrderBy(q => q.AskedAt)
                .Select(q => new QuestionView(q.Id, q.WitnessName, q.Question, q.AskedByName, q.Answer, q.AskedAt))
                .ToListAsync(cancellationToken);
            return new Library(evidence, questions);
        }
    }

    public static RouteGroupBuilder MapGetEvidenceLibrary(this RouteGroupBuilder group)
    {
        group.MapGet("/{processId:guid}/evidence", async Task<Ok<Library>> (Guid processId, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Query(processId), ct)))
            .WithName(nameof(GetEvidenceLibrary))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous();
        group.MapGet("/evidence/{evidenceId:guid}/file", async Task<FileContentHttpResult> (
                Guid evidenceId, AppDbContext db, CancellationToken ct) =>
            {
                var file = await db.Evidence.AsNoTracking()
                    .Where(e => e.Id == evidenceId && e.Kind == EvidenceKind.Document)
                    .Select(e => new { e.Content, e.ContentType, e.FileName })
                    .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("Document", evidenceId);
                return TypedResults.File(file.Content!, file.ContentType, file.FileName);
            })
            .WithName(nameof(GetEvidenceLibrary) + "File")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous();
        return group;
    }
}
