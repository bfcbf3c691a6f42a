using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Audit;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Partnerships;

namespace ParticipativeDemocracy.Web.Features.Partnerships;

/// <summary>An officer sets up a partnership's health-check statements and minimum group size; open checks keep their own copy.</summary>
public static class ConfigurePartnership
{
    public sealed record Command(Guid ProcessId, IReadOnlyList<string>? Statements, int MinGroupSize) : ICommand<Configured>;

    public sealed record Request(IReadOnlyList<string>? Statements, int? MinGroupSize);

    public sealed record Configured(Guid ProcessId, IReadOnlyList<string> Statements, int MinGroupSize);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.MinGroupSize).InclusiveBetween(2, 50)
                .WithMessage("A level's results need at least 2 answers before they are shown, so no single answer can be traced.");
            RuleFor(c => c.Statements).Must(s => s is null || s.Count is >= 1 and <= 20).WithMessage("Between 1 and 20 statements.");
            RuleForEach(c => c.Statements).NotEmpty().MaximumLength(300).When(c => c.Statements is not null);
        }
    }

    public sealed class Handler(AppDbContext db, AuditTrail audit) : ICommandHandler<Command, Configured>
    {
        public async ValueTask<Configured> Handle(Command command, CancellationToken cancellationToken)
        {
            await PartnershipRules.EnsurePartnershipProcessAsync(db, command.ProcessId, cancellationToken);
            var partnership = await db.Partnerships.SingleOrDefaultAsync(p => p.ProcessId == command.ProcessId, cancellationToken);
            var before = partnership is null ? null : new { partnership.Statements, partnership.MinGroupSize };
            if (partnership is null)
            {
                partnership = new Partnership { ProcessId = command.ProcessId, Statements = [.. PartnershipRules.DefaultStatements] };
                db.Partnerships.Add(partnership);
            }

            if (command.Statements is not null)
            {
                partnership.Statements = command.Statements.Select(s => s.Trim()).ToList();
            }

            partnership.MinGroupSize = command.MinGroupSize;
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(nameof(ConfigurePartnership), nameof(Partnership), command.ProcessId, before,
                new { partnership.Statements, partnership.MinGroupSize }, cancellationToken);
            return new Configured(command.ProcessId, partnership.Statements, partnership.MinGroupSize);
        }
    }

    public static RouteGroupBuilder MapConfigurePartnership(this RouteGroupBuilder group)
    {
        group.MapPut("/{processId:guid}", async Task<Ok<Configured>> (Guid processId, Request request, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new Command(processId, request.Statements, request.MinGroupSize ?? 3), ct)))
            .WithName(nameof(ConfigurePartnership))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
