using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Deliberation;

namespace ParticipativeDemocracy.Web.Features.Deliberation;

/// <summary>
/// The facilitator adds to the evidence library: a link, a witness statement, or an uploaded
/// document (sent as the request body, kept in PostgreSQL so every replica serves it).
/// </summary>
public static class AddEvidence
{
    public const int MaxDocumentBytes = 10 * 1024 * 1024;

    public sealed record Command(
        Guid ProcessId, EvidenceKind Kind, string Title, string? Url, string? WitnessName, string? Statement,
        string? FileName, string? ContentType, byte[]? Content) : ICommand<Added>;

    public sealed record Request(EvidenceKind Kind, string Title, string? Url, string? WitnessName, string? Statement);

    public sealed record Added(Guid Id);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Kind).IsInEnum();
            RuleFor(c => c.Title).NotEmpty().MaximumLength(200);
            RuleFor(c => c.Url).NotEmpty().MaximumLength(2000)
                .Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
                .WithMessage("Give a web address starting with https://.")
                .When(c => c.Kind == EvidenceKind.Link);
            RuleFor(c => c.WitnessName).NotEmpty().MaximumLength(200).When(c => c.Kind == EvidenceKind.WitnessStatement);
            RuleFor(c => c.Statement).NotEmpty().MaximumLength(20000).When(c => c.Kind == EvidenceKind.WitnessStatement);
            RuleFor(c => c.FileName).NotEmpty().MaximumLength(200).When(c => c.Kind == EvidenceKind.Document);
            RuleFor(c => c.Content).Must(b => b is { Length: > 0 and <= MaxDocumentBytes })
                .WithMessage("Upload a file of up to 10 MB.").When(c => c.Kind == EvidenceKind.Document);
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock) : ICommandHandler<Command, Added>
    {
        public async ValueTask<Added> Handle(Command command, CancellationToken cancellationToken)
        {
            await JuryAccess.JuryAsync(db, command.ProcessId, cancellationToken);
            var document = command.Kind == EvidenceKind.Document;
            var item = new EvidenceItem
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()),
                ProcessId = command.ProcessId,
                Kind = command.Kind,
                Title = command.Title.Trim(),
                Url = command.Kind == EvidenceKind.Link ? command.Url : null,
                WitnessName = command.WitnessName?.Trim(),
                Statement = command.Kind == EvidenceKind.WitnessStatement ? command.Statement?.Trim() : null,
                FileName = document ? Path.GetFileName(command.FileName) : null,
                ContentType = document ? command.ContentType ?? "application/octet-stream" : null,
                Content = document ? command.Content : null,
                AddedAt = clock.GetUtcNow(),
            };
            db.Evidence.Add(item);
            await db.SaveChangesAsync(cancellationToken);
            return new Added(item.Id);
        }
    }

    public static RouteGroupBuilder MapAddEvidence(this RouteGroupBuilder group)
    {
        group.MapPost("/{processId:guid}/evidence", async Task<Created<Added>> (
                Guid processId, Request request, ISender sender, CancellationToken ct) =>
            {
                var added = await sender.Send(new Command(processId, request.Kind, request.Title, request.Url, request.WitnessName,
                    request.Statement, null, null, null), ct);
                return TypedResults.Created($"/api/juries/{processId}/evidence", added);
            })
            .WithName(nameof(AddEvidence))
            .ProducesValidationProblem()
            .RequireAuthorization(Policies.Facilitator);
        group.MapPost("/{processId:guid}/evidence/documents", async Task<Created<Added>> (
                Guid processId, string? title, string? fileName, HttpRequest http, ISender sender, CancellationToken ct) =>
            {
                using var buffer = new MemoryStream();
                await http.Body.CopyToAsync(buffer, ct);
                var added = await sender.Send(new Command(processId, EvidenceKind.Document, title ?? "", null, null, null,
                    fileName, http.ContentType, buffer.ToArray()), ct);
                return TypedResults.Created($"/api/juries/evidence/{added.Id}/file", added);
            })
            .WithName(nameof(AddEvidence) + "Document")
            .Accepts<byte[]>("application/octet-stream", "application/pdf")
            .ProducesValidationProblem()
            .RequireAuthorization(Policies.Facilitator);
        return group;
    }
}
