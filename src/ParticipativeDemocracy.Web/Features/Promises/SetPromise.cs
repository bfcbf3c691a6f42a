using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Audit;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Common.Errors;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Promises;

namespace ParticipativeDemocracy.Web.Features.Promises;

/// <summary>
/// An officer declares the level of participation and the plain-language promise, with dated items.
/// Items already delivered or declared broken stay as they are: a promise's history is not rewritten.
/// </summary>
public static class SetPromise
{
    public sealed record Command(Guid ProcessId, ParticipationLevel Level, string Text, IReadOnlyList<Item> Items, string OfficerEmail)
        : ICommand<PromiseSaved>;

    public sealed record Request(ParticipationLevel Level, string Text, IReadOnlyList<Item> Items);

    public sealed record Item(Guid? Id, string Text, DateTimeOffset DueAt);

    public sealed record PromiseSaved(Guid ProcessId, IReadOnlyList<Guid> ItemIds);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Level).IsInEnum();
            RuleFor(c => c.Text).NotEmpty().WithMessage("Say plainly what you promise.").MaximumLength(2000);
            RuleFor(c => c.Items).NotNull().Must(i => i is { Count: <= 20 }).WithMessage("A promise has at most 20 dated items.");
            RuleForEach(c => c.Items).ChildRules(i =>
            {
                i.RuleFor(x => x.Text).NotEmpty().MaximumLength(1000);
                i.RuleFor(x => x.DueAt).NotEqual(default(DateTimeOffset)).WithMessage("Give the date by which this is promised.");
            }).When(c => c.Items is not null);
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, AuditTrail audit) : ICommandHandler<Command, PromiseSaved>
    {
        public async ValueTask<PromiseSaved> Handle(Command command, CancellationToken cancellationToken)
        {
            if (!await db.Processes.AnyAsync(p => p.Id == command.ProcessId, cancellationToken))
            {
                throw new NotFoundException("Process", command.ProcessId);
            }

            var now = clock.GetUtcNow();
            var promise = await db.ParticipationPromises.Include(p => p.Items).SingleOrDefaultAsync(p => p.ProcessId == command.ProcessId, cancellationToken);
            var before = promise is null ? null : Snapshot(promise);
            if (promise is null)
            {
                promise = new ParticipationPromise { ProcessId = command.ProcessId, Text = "", OfficerEmail = "" };
                db.ParticipationPromises.Add(promise);
            }

            promise.Level = command.Level;
            promise.Text = command.Text.Trim();
            promise.OfficerEmail = command.OfficerEmail;
            promise.UpdatedAt = now;
            var ids = MergeItems(promise, command.Items, now);
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(nameof(SetPromise), nameof(ParticipationPromise), command.ProcessId, before, Snapshot(promise), cancellationToken);
            return new PromiseSaved(command.ProcessId, ids);
        }

        private List<Guid> MergeItems(ParticipationPromise promise, IReadOnlyList<Item> items, DateTimeOffset now)
        {
            var keep = items.Where(i => i.Id is not null).Select(i => i.Id!.Value).ToHashSet();
            var settled = promise.Items.Where(i => i.Outcome is not null && !keep.Contains(i.Id)).ToList();
            if (settled.Count > 0)
            {
                throw new ConflictException($"\"{settled[0].Text}\" has an outcome recorded and cannot be removed from the promise.");
            }

            promise.Items.RemoveAll(i => !keep.Contains(i.Id));
            var ids = new List<Guid>();
            foreach (var item in items)
            {
                var existing = item.Id is { } id ? promise.Items.SingleOrDefault(i => i.Id == id) : null;
                if (item.Id is not null && existing is null)
                {
                    throw new NotFoundException("Promise item", item.Id);
                }

                if (existing is null)
                {
                    existing = new PromiseItem { Id = Guid.CreateVersion7(now), ProcessId = promise.ProcessId, Text = "" };
                    // Added explicitly: a new item found through the collection with its key set would be taken for an existing row.
                    db.PromiseItems.Add(existing);
                    promise.Items.Add(existing);
                }
                else if (existing.Outcome is not null && (existing.DueAt != item.DueAt || existing.Text != item.Text.Trim()))
                {
                    throw new ConflictException($"\"{existing.Text}\" has an outcome recorded: its text and date can no longer change.");
                }

                if (existing.DueAt != item.DueAt)
                {
                    existing.ReminderSentAt = null;
                }

                existing.Text = item.Text.Trim();
                existing.DueAt = item.DueAt;
                ids.Add(existing.Id);
            }

            return ids;
        }

        private static object Snapshot(ParticipationPromise p) =>
            new { p.Level, p.Text, Items = p.Items.Select(i => new { i.Id, i.Text, i.DueAt }).ToList() };
    }

    public static RouteGroupBuilder MapSetPromise(this RouteGroupBuilder group)
    {
        group.MapPut("/", async Task<Ok<PromiseSaved>> (Guid processId, Request request, CurrentActor actor, AppDbContext db, ISender sender, CancellationToken ct) =>
            {
                var email = await db.Users.Where(u => u.Id == actor.Id).Select(u => u.Email).SingleOrDefaultAsync(ct) ?? actor.Name;
                return TypedResults.Ok(await sender.Send(new Command(processId, request.Level, request.Text, request.Items, email), ct));
            })
            .WithName(nameof(SetPromise))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
