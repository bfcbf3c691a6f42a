using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Sortition;
using ParticipativeDemocracy.Sortition.Model;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Data.Entities.Juries;
using ParticipativeDemocracy.Web.Features.Juries;

namespace ParticipativeDemocracy.Web.Data.Seeding;

/// <summary>
/// The demo jury with its panel drawn for real (the engine on a seeded pool of 48 volunteers) and confirmed:
/// demo resident accounts with the JuryMember role, plus two vertical-slice members.
/// </summary>
internal static class DemoJury
{
    public const long Seed = 2027;
    public const int PanelSize = 12;

    private static readonly (string Category, string Value, int Min, int Max)[] Quotas =
    [
        ("gender", "Female", 5, 7), ("gender", "Male", 5, 7),
        ("age", "16-29", 2, 4), ("age", "30-44", 2, 4), ("age", "45-64", 3, 4), ("age", "65+", 2, 4),
        ("area", "North", 5, 7), ("area", "South", 5, 7),
    ];

    private static readonly string[] FirstNames =
        ["Aled", "Bethan", "Cerys", "Dafydd", "Eira", "Ffion", "Gareth", "Haf", "Iwan", "Jac", "Kate", "Llinos", "Math", "Nia", "Owain", "Pat"];

    public static async Task SeedAsync(AppDbContext db, UserManager<AppUser> users, Guid processId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.JurySettings.AnyAsync(s => s.ProcessId == processId, cancellationToken))
        {
            return;
        }

        db.JurySettings.Add(new JurySettings
        {
            ProcessId = processId, Remit = "What should the council and schools do to cut air pollution around school gates?",
            PanelSize = PanelSize, RecruitmentOpensAt = now.AddDays(-40), RecruitmentClosesAt = now.AddDays(-10), ResponseDays = 7,
            Algorithm = nameof(SelectionAlgorithm.Leximin), ConfigurationVersion = 1, UpdatedAt = now.AddDays(-40),
        });
        var quotas = Quotas.Select((q, i) => new JuryQuota
        {
            Id = Guid.CreateVersion7(now), ProcessId = processId, Position = i, Category = q.Category, Value = q.Value, Min = q.Min, Max = q.Max,
        }).ToList();
        db.JuryQuotas.AddRange(quotas);
        var volunteers = Volunteers(processId, now).ToList();
        db.JuryVolunteers.AddRange(volunteers);

        var files = DrawInputs.Build(quotas, volunteers);
        volunteers.ForEach(v => v.DrawId = files.DrawIds[v.Id]);
        var result = SortitionEngine.Draw(DrawInputs.Problem(files.CategoriesCsv, files.RespondentsCsv, PanelSize), new DrawOptions { Seed = Seed });
        var drawnAt = now.AddDays(-9);
        db.JuryDraws.Add(new JuryDraw
        {
            Id = Guid.CreateVersion7(now), ProcessId = processId, Status = JuryDrawStatus.Succeeded, Algorithm = nameof(SelectionAlgorithm.Leximin),
            Seed = Seed, PanelSize = PanelSize, CategoriesCsv = files.CategoriesCsv, RespondentsCsv = files.RespondentsCsv, InputHash = files.Hash,
            Progress = "Done", Panel = [.. result.Panel], Probabilities = [.. result.Probabilities], MinProbability = result.MinProbability,
            LotterySize = result.LotterySize, RequestedAt = drawnAt, StartedAt = drawnAt, FinishedAt = drawnAt,
        });
        var selected = volunteers.Where(v => result.Panel.Contains(v.DrawId!)).ToList();
        foreach (var volunteer in selected)
        {
            db.JuryInvitations.Add(new JuryInvitation
            {
                Id = Guid.CreateVersion7(now), ProcessId = processId, VolunteerId = volunteer.Id, Status = JuryInvitationStatus.Confirmed,
                SentAt = drawnAt, DeadlineAt = drawnAt.AddDays(7), RespondedAt = drawnAt.AddDays(2),
            });
            await SeatAsync(db, users, processId, volunteer.Email, volunteer.Name, PlayerLevel.Citizen, drawnAt.AddDays(2));
        }

        await SeatAsync(db, users, processId, "teacher.jury@demo.example", "Rhian (head teacher)", PlayerLevel.FrontLineWorker, drawnAt.AddDays(3));
        await SeatAsync(db, users, processId, "transport.jury@demo.example", "Tom (transport policy)", PlayerLevel.PolicyMaker, drawnAt.AddDays(3));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Seeded, so every demo install draws the same panel.</summary>
    private static IEnumerable<JuryVolunteer> Volunteers(Guid processId, DateTimeOffset now)
    {
        var random = new Random(2027);
        string[] ages = ["16-29", "30-44", "45-64", "65+"];
        for (var i = 1; i <= 48; i++)
        {
            var name = $"{FirstNames[(i - 1) % FirstNames.Length]} {(char)('A' + ((i - 1) / FirstNames.Length))}.";
            var features = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["gender"] = i % 2 == 0 ? "Female" : "Male", ["age"] = ages[random.Next(ages.Length)], ["area"] = random.Next(2) == 0 ? "North" : "South",
            };
            yield return new JuryVolunteer
            {
                Id = Guid.CreateVersion7(now), ProcessId = processId, Reference = $"D{i:D3}", Name = name, Email = $"juror{i}@demo.example",
                Features = System.Text.Json.JsonSerializer.Serialize(features), AddressLine1 = $"{i} Demo Street", Postcode = "DB1 1AA",
                Consent = true, Availability = "Saturdays", Source = i % 3 == 0 ? VolunteerSource.Letter : VolunteerSource.Form,
                CreatedAt = now.AddDays(-30).AddMinutes(i),
            };
        }
    }

    private static async Task SeatAsync(AppDbContext db, UserManager<AppUser> users, Guid processId, string email, string name, PlayerLevel level, DateTimeOffset at)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, PlayerLevel = level, CreatedAt = at };
            ReferenceDataSeeder.EnsureSucceeded(await users.CreateAsync(user), email);
        }

        foreach (var role in new[] { Roles.Resident, Roles.JuryMember })
        {
            if (!await users.IsInRoleAsync(user, role))
            {
                ReferenceDataSeeder.EnsureSucceeded(await users.AddToRoleAsync(user, role), $"{email} as {role}");
            }
        }

        db.JuryPanelMembers.Add(new JuryPanelMember
        {
            Id = Guid.CreateVersion7(at), ProcessId = processId, UserId = user.Id, DisplayName = name, PlayerLevel = level,
            Status = JuryMemberStatus.Active, JoinedAt = at,
        });
    }
}
