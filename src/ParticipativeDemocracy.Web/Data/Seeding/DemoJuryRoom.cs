using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Data.Entities.Deliberation;
using ParticipativeDemocracy.Web.Data.Entities.Juries;
using ParticipativeDemocracy.Web.Features.Deliberation;

namespace ParticipativeDemocracy.Web.Data.Seeding;

/// <summary>
/// A session in progress for the demo jury: a speaker with the floor, hands raised, an agenda part-way
/// through, an open round and a report with one adopted recommendation. The jury is the one recruitment
/// seeded (slug <see cref="Slug"/>) if any, otherwise the demo council's own jury process, which gets a
/// minimal panel here.
/// </summary>
internal static class DemoJuryRoom
{
    public const string Slug = "demo-citizens-jury";

    private static readonly string[] Jurors = ["Aled", "Bethan", "Chidi", "Delyth", "Ewan", "Farah"];

    private static readonly string[] Agenda = ["Welcome and ground rules", "What the witnesses told us", "Options for school streets", "Straw poll and next steps"];

    public static async Task SeedAsync(
        AppDbContext db, UserManager<AppUser> users, Organisation council, DemoCouncilOptions demo, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var jury = await db.Processes.SingleOrDefaultAsync(p => p.Slug == Slug && p.Kind == ProcessKind.CitizensJury, cancellationToken)
            ?? await EnsureJuryAsync(db, users, council, demo, now, cancellationToken);
        await EnsureFacilitatorAsync(users, demo, now);
        if (await db.JurySessions.AnyAsync(s => s.ProcessId == jury.Id, cancellationToken))
        {
            return;
        }

        var panel = await db.JuryPanelMembers.AsNoTracking()
            .Where(m => m.ProcessId == jury.Id && m.Status == JuryMemberStatus.Active).OrderBy(m => m.DisplayName).ToListAsync(cancellationToken);
        if (panel.Count < 3)
        {
            return;
        }

        SeedSession(db, jury.Id, panel, now);
        SeedRoundAndRecommendations(db, jury.Id, panel, now);
        SeedEvidence(db, jury.Id, panel, now);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void SeedSession(AppDbContext db, Guid processId, List<JuryPanelMember> panel, DateTimeOffset now)
    {
        var session = new JurySession
        {
            Id = Guid.CreateVersion7(now), ProcessId = processId, Title = "Session 2: weighing the options", StartsAt = now.AddMinutes(-40),
            Status = SessionStatus.Live, StartedAt = now.AddMinutes(-40), SpeakerLimitSeconds = 180, SpeakerUserId = panel[0].UserId,
            SpeakerName = panel[0].DisplayName, FloorGivenAt = now.AddSeconds(-50), StateVersion = 1, CreatedAt = now.AddDays(-3),
        };
        var agenda = Agenda
            .Select((title, i) => new AgendaItem { Id = Guid.CreateVersion7(now), SessionId = session.Id, Position = i + 1, Title = title }).ToList();
        session.CurrentAgendaItemId = agenda[2].Id;
        db.JurySessions.Add(session);
        db.AgendaItems.AddRange(agenda);
        db.SpeakerQueue.AddRange(panel.Skip(1).Take(2).Select((m, i) => new SpeakerQueueEntry
        {
            Id = Guid.CreateVersion7(now), SessionId = session.Id, UserId = m.UserId, DisplayName = m.DisplayName, RaisedAt = now.AddSeconds(-30 + (i * 10)),
        }));
        db.SessionRecord.AddRange(
            Entry(session.Id, now.AddMinutes(-40), RoomRecordLine.SessionStarted()),
            Entry(session.Id, now.AddMinutes(-25), RoomRecordLine.AgendaMoved(2, Agenda[1])),
            Entry(session.Id, now.AddMinutes(-10), RoomRecordLine.AgendaMoved(3, Agenda[2])),
            Entry(session.Id, now.AddSeconds(-50), RoomRecordLine.FloorGiven(panel[0].DisplayName)));
    }

    private static void SeedRoundAndRecommendations(AppDbContext db, Guid processId, List<JuryPanelMember> panel, DateTimeOffset now)
    {
        var round = new DeliberationRound
        {
            Id = Guid.CreateVersion7(now), ProcessId = processId, Question = "Should streets outside schools close to cars at drop-off and pick-up?",
            ClosesAt = now.AddDays(2), CreatedAt = now.AddDays(-1),
        };
        db.DeliberationRounds.Add(round);
        db.RoundContributions.AddRange(
            Contribution(round.Id, panel[0], Stance.Agree, "Children would walk and cycle more if the street were safe.", now.AddHours(-20)),
            Contribution(round.Id, panel[1], Stance.Unsure, "Parents who drive to work next need another place to stop.", now.AddHours(-12)),
            Contribution(round.Id, panel[2], Stance.Agree, "The witnesses showed the air is worst at exactly those times.", now.AddHours(-3)));
        var adopted = new Recommendation
        {
            Id = Guid.CreateVersion7(now), ProcessId = processId, Code = "R01", Title = "School streets at every primary school",
            Text = "Close the street outside each primary school to through traffic for 30 minutes at drop-off and pick-up, with exemptions for blue badge holders.",
            DraftedById = panel[0].UserId, DraftedByName = panel[0].DisplayName, Status = RecommendationStatus.Adopted, ThresholdPercent = 80,
            VoteOpenedAt = now.AddDays(-1), VoteClosedAt = now.AddHours(-2), Support = panel.Count - 1, Oppose = 1, CreatedAt = now.AddDays(-2),
        };
        var draft = new Recommendation
        {
            Id = Guid.CreateVersion7(now), ProcessId = processId, Code = "R02", Title = "Park-and-stride points",
            Text = "Mark places five minutes' walk from each school where parents can stop and walk the rest of the way.",
            DraftedById = panel[1].UserId, DraftedByName = panel[1].DisplayName, Status = RecommendationStatus.Draft, CreatedAt = now.AddHours(-5),
        };
        db.Recommendations.AddRange(adopted, draft);
    }

    private static void SeedEvidence(AppDbContext db, Guid processId, List<JuryPanelMember> panel, DateTimeOffset now)
    {
        db.Evidence.AddRange(
            new EvidenceItem
            {
                Id = Guid.CreateVersion7(now), ProcessId = processId, Kind = EvidenceKind.Link, Title = "Air quality monitoring near schools",
                Url = "https://uk-air.defra.gov.uk/", AddedAt = now.AddDays(-4),
            },
            new EvidenceItem
            {
                Id = Guid.CreateVersion7(now), ProcessId = processId, Kind = EvidenceKind.WitnessStatement, Title = "What a head teacher sees at the gate",
                WitnessName = "Head teacher, Ysgol y Parc", AddedAt = now.AddDays(-3),
                Statement = "Between 8:30 and 8:50 the street is full of idling cars; children walk between them to reach the gate.",
            });
        db.WitnessQuestions.AddRange(
            new WitnessQuestion
            {
                Id = Guid.CreateVersion7(now), ProcessId = processId, WitnessName = "Head teacher, Ysgol y Parc",
                Question = "How many children walk or cycle to school today?", AskedById = panel[1].UserId, AskedByName = panel[1].DisplayName,
                AskedAt = now.AddDays(-3), Answer = "About four in ten; more would if the street were quieter.", AnsweredAt = now.AddDays(-3).AddHours(1),
            },
            new WitnessQuestion
            {
                Id = Guid.CreateVersion7(now), ProcessId = processId, WitnessName = "Head teacher, Ysgol y Parc",
                Question = "Where would parents who must drive stop instead?", AskedById = panel[2].UserId, AskedByName = panel[2].DisplayName,
                AskedAt = now.AddHours(-2),
            });
    }

    private static SessionRecordEntry Entry(Guid sessionId, DateTimeOffset at, RoomRecordLine line) =>
        new() { SessionId = sessionId, At = at, Kind = line.Kind, Args = [.. line.Args], Text = line.English, ActorName = "facilitator@example.org" };

    private static RoundContribution Contribution(Guid roundId, JuryPanelMember member, Stance stance, string text, DateTimeOffset at) =>
        new() { Id = Guid.CreateVersion7(at), RoundId = roundId, UserId = member.UserId, DisplayName = member.DisplayName, Stance = stance, Text = text, PostedAt = at };

    /// <summary>
    /// No recruitment-seeded jury: the demo council's own jury process gets settings and a small panel
    /// (only what is missing), rather than a new process.
    /// </summary>
    private static async Task<Process> EnsureJuryAsync(
        AppDbContext db, UserManager<AppUser> users, Organisation council, DemoCouncilOptions demo, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var jury = await db.Processes.SingleAsync(
            p => p.OrganisationId == council.Id && p.Slug == DemoProcesses.JurySlug && p.Kind == ProcessKind.CitizensJury, cancellationToken);
        if (!await db.JurySettings.AnyAsync(s => s.ProcessId == jury.Id, cancellationToken))
        {
            db.JurySettings.Add(new JurySettings
            {
                ProcessId = jury.Id, Remit = "What should the council do about air quality around schools, and how quickly?",
                PanelSize = Jurors.Length, UpdatedAt = now,
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        if (await db.JuryPanelMembers.AnyAsync(m => m.ProcessId == jury.Id, cancellationToken))
        {
            return jury;
        }

        foreach (var name in Jurors)
        {
            var user = await EnsureUserAsync(users, $"{name.ToLowerInvariant()}.juror@example.org", demo.JurorPassword, name, Roles.JuryMember, now);
            db.JuryPanelMembers.Add(new JuryPanelMember
            {
                Id = Guid.CreateVersion7(now), ProcessId = jury.Id, UserId = user.Id, DisplayName = name, Status = JuryMemberStatus.Active, JoinedAt = now.AddDays(-10),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return jury;
    }

    private static Task<AppUser> EnsureFacilitatorAsync(UserManager<AppUser> users, DemoCouncilOptions demo, DateTimeOffset now) =>
        EnsureUserAsync(users, demo.FacilitatorEmail, demo.FacilitatorPassword, "Demo facilitator", Roles.Facilitator, now);

    private static async Task<AppUser> EnsureUserAsync(UserManager<AppUser> users, string email, string password, string name, string role, DateTimeOffset now)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = now };
            ReferenceDataSeeder.EnsureSucceeded(await users.CreateAsync(user, password), email);
        }

        if (!await users.IsInRoleAsync(user, role))
        {
            ReferenceDataSeeder.EnsureSucceeded(await users.AddToRoleAsync(user, role), $"{email} as {role}");
        }

        return user;
    }
}
