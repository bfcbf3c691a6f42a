using System.Net.Mail;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Audit;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities.Juries;

namespace ParticipativeDemocracy.Web.Features.Juries;

/// <summary>
/// An officer adds volunteers recruited elsewhere from a CSV file. All or nothing: any bad row refuses the
/// file, and every problem is reported with its row and column.
/// </summary>
public static class ImportVolunteers
{
    public const int MaxRows = 20_000;

    public sealed record Command(Guid ProcessId, string Csv) : ICommand<Imported>;

    public sealed record Imported(int Added, int PoolSize);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Csv).NotEmpty().WithMessage("The file is empty.");
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, AuditTrail audit) : ICommandHandler<Command, Imported>
    {
        public async ValueTask<Imported> Handle(Command command, CancellationToken cancellationToken)
        {
            await JuryGuard.SettingsAsync(db, command.ProcessId, cancellationToken);
            await JuryGuard.LockAsync(db, command.ProcessId, cancellationToken);
            await JuryGuard.EnsureNotDrawnAsync(db, command.ProcessId, "the pool", cancellationToken);
            var quotas = await db.JuryQuotas.Where(q => q.ProcessId == command.ProcessId).OrderBy(q => q.Position)
                .Select(q => new QuotaLine(q.Category, q.Value, q.Min, q.Max)).ToListAsync(cancellationToken);
            var existing = await db.JuryVolunteers.Where(v => v.ProcessId == command.ProcessId)
                .Select(v => new { v.Reference, v.Email }).ToListAsync(cancellationToken);
            var reader = new Reader(quotas, existing.Select(e => e.Reference), existing.Select(e => e.Email));
            var rows = reader.Read(command.Csv);
            if (reader.Problems.Count > 0)
            {
                throw new ValidationException(reader.Problems);
            }

            var now = clock.GetUtcNow();
            var volunteers = rows.Select((r, i) => new JuryVolunteer
            {
                Id = Guid.CreateVersion7(now), ProcessId = command.ProcessId, Reference = r.Reference, Name = r.Name, Email = r.Email,
                Features = VolunteerFeatures.ToJson(r.Features), AddressLine1 = r.Address, Postcode = r.Postcode, Consent = true,
                Availability = r.Availability, AccessNeeds = r.AccessNeeds, Source = VolunteerSource.Import, CreatedAt = now.AddTicks(i * 10L),
            }).ToList();
            db.JuryVolunteers.AddRange(volunteers);
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(nameof(ImportVolunteers), "Jury", command.ProcessId, before: null, new { Added = volunteers.Count }, cancellationToken);
            return new Imported(volunteers.Count, existing.Count + volunteers.Count);
        }
    }

    internal sealed record Row(string Reference, string Name, string Email, Dictionary<string, string> Features,
        string Address, string Postcode, string Availability, string AccessNeeds);

    /// <summary>Reads rows, collecting a problem per bad cell as "rows[N].column".</summary>
    internal sealed class Reader(IReadOnlyCollection<QuotaLine> quotas, IEnumerable<string> references, IEnumerable<string> emails)
    {
        private readonly HashSet<string> _references = references.ToHashSet(StringComparer.Ordinal);
        private readonly HashSet<string> _emails = emails.ToHashSet(StringComparer.OrdinalIgnoreCase);

        public List<ValidationFailure> Problems { get; } = [];

        public List<Row> Read(string csv)
        {
            var records = PoolCsv.Split(csv);
            if (records.Count == 0)
            {
                Problems.Add(new ValidationFailure("rows[1]", "The file has no header row."));
                return [];
            }

            var header = records[0].Fields;
            var categories = quotas.Select(q => q.Category).Distinct(StringComparer.Ordinal).ToList();
            var required = new[] { PoolCsv.Id, PoolCsv.Name, PoolCsv.Email }.Concat(categories).ToList();
            foreach (var missing in required.Where(c => !header.Contains(c, StringComparer.Ordinal)))
            {
                Problems.Add(new ValidationFailure($"rows[1].{missing}", $"Row 1: the header has no '{missing}' column."));
            }

            if (Problems.Count > 0)
            {
                return [];
            }

            if (records.Count - 1 > MaxRows)
            {
                Problems.Add(new ValidationFailure("rows", $"A file may hold at most {MaxRows} rows."));
                return [];
            }

            return records.Skip(1).Select(r => ReadRow(r.Line, header, r.Fields, categories)).OfType<Row>().ToList();
        }

        private Row? ReadRow(int line, List<string> header, List<string> fields, List<string> categories)
        {
            if (fields.Count != header.Count)
            {
                return Fail(line, "", $"the row has {fields.Count} fields but the header has {header.Count}");
            }

            string Cell(string column) => header.IndexOf(column) is var i and >= 0 ? fields[i] : "";
            var before = Problems.Count;
            var reference = Cell(PoolCsv.Id);
            if (reference.Length is 0 or > 60 || !_references.Add(reference))
            {
                Fail(line, PoolCsv.Id, reference.Length == 0 ? "the id is empty" : reference.Length > 60 ? "the id is longer than 60 characters" : $"id '{reference}' is already in the pool");
            }

            var email = Cell(PoolCsv.Email).ToLowerInvariant();
            if (!MailAddress.TryCreate(email, out _) || email.Length > 256)
            {
                Fail(line, PoolCsv.Email, $"'{email}' is not an e-mail address");
            }
            else if (!_emails.Add(email))
            {
                Fail(line, PoolCsv.Email, $"'{email}' is already in the pool");
            }

            if (Cell(PoolCsv.Name).Length is 0 or > 200)
            {
                Fail(line, PoolCsv.Name, "the name is empty or longer than 200 characters");
            }

            var features = categories.ToDictionary(c => c, Cell, StringComparer.Ordinal);
            foreach (var (category, problem) in VolunteerFeatures.Problems(features, quotas))
            {
                Fail(line, category, problem.Replace("Choose a value", "there is no value", StringComparison.Ordinal).TrimEnd('.'));
            }

            return Problems.Count > before ? null : new Row(reference, Cell(PoolCsv.Name), email, features,
                Truncate(Cell(PoolCsv.Address), 200), Truncate(Cell(PoolCsv.Postcode), 20), Truncate(Cell(PoolCsv.Availability), 1000), Truncate(Cell(PoolCsv.AccessNeeds), 1000));
        }

        private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

        private Row? Fail(int line, string column, string message)
        {
            var where = column.Length == 0 ? $"Row {line}" : $"Row {line}, column '{column}'";
            Problems.Add(new ValidationFailure(column.Length == 0 ? $"rows[{line}]" : $"rows[{line}].{column}", $"{where}: {message}."));
            return null;
        }
    }

    public static RouteGroupBuilder MapImportVolunteers(this RouteGroupBuilder group)
    {
        group.MapPost("/{processId:guid}/volunteers.csv", async Task<Ok<Imported>> (Guid processId, HttpRequest request, ISender sender, CancellationToken ct) =>
            {
                using var reader = new StreamReader(request.Body);
                var csv = await reader.ReadToEndAsync(ct);
                return TypedResults.Ok(await sender.Send(new Command(processId, csv), ct));
            })
            .WithName(nameof(ImportVolunteers))
            .Accepts<string>("text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Officer);
        return group;
    }
}
