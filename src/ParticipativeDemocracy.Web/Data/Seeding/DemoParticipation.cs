using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Data.Entities.Partnerships;
using ParticipativeDemocracy.Web.Data.Entities.Polls;
using ParticipativeDemocracy.Web.Data.Entities.Promises;
using ParticipativeDemocracy.Web.Features.Partnerships;

namespace ParticipativeDemocracy.Web.Data.Seeding;

/// <summary>
/// The demo's running library poll, promises on the budget and the poll, and a community-safety
/// partnership with members at every level, a meeting, actions and a completed health check. Idempotent.
/// </summary>
internal static class DemoParticipation
{
    public const string PollSlug = "library-opening-hours";
    public const string PartnershipSlug = "riverside-community-safety-partnership";
    public static readonly (string Name, string Email, PlayerLevel Level, string Role)[] Members =
    [
        ("Amina Hussain", "amina@residents.demo.example", PlayerLevel.Citizen, "Resident, Mill Lane"),
        ("Dylan Price", "dylan@residents.demo.example", PlayerLevel.CommunityActivist, "Riverside Tenants' Association"),
        ("Grace Okafor", "grace@residents.demo.example", PlayerLevel.Citizen, "Resident, Station Road"),
        ("Tom Evans", "tom@frontline.demo.example", PlayerLevel.FrontLineWorker, "Neighbourhood police officer"),
        ("Sian Roberts", "sian@frontline.demo.example", PlayerLevel.FrontLineWorker, "Youth worker"),
        ("Priya Shah", "priya@managers.demo.example", PlayerLevel.Manager, "Housing area manager"),
        ("Mark Lewis", "mark@managers.demo.example", PlayerLevel.Manager, "Community safety manager"),
        ("Cllr Helen Morgan", "helen@policy.demo.example", PlayerLevel.PolicyMaker, "Cabinet member for communities"),
        ("Cllr Owen Hughes", "owen@policy.demo.example", PlayerLevel.PolicyMaker, "Chair, scrutiny committee"),
    ];

    public static async Task SeedAsync(AppDbContext db, Guid councilId, string officerEmail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var poll = await db.Processes.SingleAsync(p => p.OrganisationId == councilId && p.Slug == PollSlug, cancellationToken);
        await SeedPollAsync(db, poll, cancellationToken);
        var budget = await db.Processes.SingleAsync(p => p.OrganisationId == councilId && p.Slug == DemoProcesses.BudgetSlug, cancellationToken);
        await SeedPromiseAsync(db, budget.Id, officerEmail, ParticipationLevel.Empower, "We will fund the projects you choose, up to £250,000, and report on each one.",
            [("Publish the funded projects", budget.ClosesAt!.Value.AddDays(3)), ("Start work on every funded project", budget.ClosesAt.Value.AddDays(180))], cancellationToken);
        await SeedPromiseAsync(db, poll.Id, officerEmail, ParticipationLevel.Consult, "The library's managers will read every answer and publish their response within a month of the close.",
            [("Publish the managers' response", poll.ClosesAt!.Value.AddDays(30))], cancellationToken);
        var partnership = await EnsurePartnershipProcessAsync(db, councilId, now, cancellationToken);
        await SeedPartnershipAsync(db, partnership, now, cancellationToken);
    }

    private static async Task SeedPollAsync(AppDbContext db, Process process, CancellationToken cancellationToken)
    {
        if (await db.Polls.AnyAsync(p => p.ProcessId == process.Id, cancellationToken))
        {
            return;
        }

        var questions = new List<PollQuestion>
        {
            new(1, PollQuestionKind.SingleChoice, "How often do you visit the library?", ["Every week", "Every month", "A few times a year"]),
            new(2, PollQuestionKind.MultipleChoice, "What do you use the library for?", ["Borrowing books", "Computers and printing", "Study space", "Children's activities"]),
            new(3, PollQuestionKind.Ranking, "Which extra opening hours matter most to you?", ["Thursday evenings", "Sunday afternoons", "Early mornings"]),
            new(4, PollQuestionKind.Rating, "How good are the library's services today?", []),
            new(5, PollQuestionKind.FreeText, "What one thing should change?", []),
        };
        db.Polls.Add(new Poll
        {
            ProcessId = process.Id, ServiceName = "Central Library", Audience = PollAudience.Everyone, OpensAt = process.OpensAt!.Value,
            ClosesAt = process.ClosesAt!.Value, OpenedAt = process.OpensAt, LiveResults = true, MinGroupSize = 5, Questions = questions,
            ManagerEmails = ["library.manager@demo.example"],
        });
        var random = new Random(2028);
        PlayerLevel?[] levels = [PlayerLevel.Citizen, PlayerLevel.Citizen, PlayerLevel.CommunityActivist, PlayerLevel.FrontLineWorker, null];
        string[] texts = ["Open later on Thursdays", "More quiet study desks", "Sunday opening for families", "Faster computers"];
        for (var i = 0; i < 60; i++)
        {
            db.PollAnswerSheets.Add(new PollAnswerSheet
            {
                Id = Guid.NewGuid(), ProcessId = process.Id, PlayerLevel = levels[random.Next(levels.Length)],
                Answers =
                [
                    new(1, [random.Next(3)], null, null),
                    new(2, [.. Enumerable.Range(0, 4).Where(_ => random.NextDouble() < 0.45).DefaultIfEmpty(0)], null, null),
                    new(3, random.NextDouble() < 0.6 ? [0, 1, 2] : [1, 0], null, null),
                    new(4, null, 2 + random.Next(4), null),
                    .. random.NextDouble() < 0.4 ? new PollAnswer[] { new(5, null, null, texts[random.Next(texts.Length)]) } : [],
                ],
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task SeedPromiseAsync(
        AppDbContext db, Guid processId, string officerEmail, ParticipationLevel level, string text, (string Text, DateTimeOffset DueAt)[] items, CancellationToken cancellationToken)
    {
        if (await db.ParticipationPromises.AnyAsync(p => p.ProcessId == processId, cancellationToken))
        {
            return;
        }

        db.ParticipationPromises.Add(new ParticipationPromise { ProcessId = processId, Level = level, Text = text, OfficerEmail = officerEmail });
        foreach (var (itemText, dueAt) in items)
        {
            db.PromiseItems.Add(new PromiseItem { Id = Guid.CreateVersion7(), ProcessId = processId, Text = itemText, DueAt = dueAt });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<Process> EnsurePartnershipProcessAsync(AppDbContext db, Guid councilId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var process = await db.Processes.SingleOrDefaultAsync(p => p.OrganisationId == councilId && p.Slug == PartnershipSlug, cancellationToken);
        if (process is null)
        {
            process = new Process
            {
                Id = Guid.CreateVersion7(), OrganisationId = councilId, Kind = ProcessKind.Partnership, Slug = PartnershipSlug,
                Title = "Riverside community safety partnership",
                Summary = "Residents, police and youth workers, housing managers and councillors working together on feeling safe by the river.",
                Status = ProcessStatus.Open, OpensAt = now.AddDays(-120), CreatedAt = now, UpdatedAt = now,
            };
            db.Processes.Add(process);
            await db.SaveChangesAsync(cancellationToken);
        }

        return process;
    }

    private static async Task SeedPartnershipAsync(AppDbContext db, Process process, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.Partnerships.AnyAsync(p => p.ProcessId == process.Id, cancellationToken))
        {
            return;
        }

        db.Partnerships.Add(new Partnership
        {
            ProcessId = process.Id, MinGroupSize = 2,
            Statements =
            [
                "We trust each other.", "We are open with each other about what we know and what we intend.",
                "Each of us does what we said we would do.", "Everyone gives and gets something from the partnership.",
                "We share the same goals.", "Power is shared: residents' views change what is decided.",
            ],
        });
        var members = Members.Select(m => new PartnershipMember
        {
            Id = Guid.CreateVersion7(), ProcessId = process.Id, Name = m.Name, Email = m.Email, Level = m.Level, Role = m.Role, JoinedAt = now.AddDays(-120),
        }).ToList();
        db.PartnershipMembers.AddRange(members);
        var meeting = new PartnershipMeeting
        {
            Id = Guid.CreateVersion7(), ProcessId = process.Id, Title = "Autumn meeting", HeldAt = now.AddDays(-30),
            Agenda = "1. Lighting on the river path\n2. Youth provision in the evenings\n3. Health check results",
            Minutes = "Residents described the river path as too dark after 5pm. Police confirmed most reports come from there. The youth club can open two more evenings if staffed.",
            Decisions = ["Ask the council to light the river path this winter", "Open the youth club on Tuesday and Thursday evenings"],
            MinutesPublishedAt = now.AddDays(-28),
        };
        db.PartnershipMeetings.Add(meeting);
        db.PartnershipActions.AddRange(
            Action(process.Id, meeting.Id, "Survey the lighting on the river path", "Mark Lewis", now.AddDays(14), PartnershipActionStatus.InProgress),
            Action(process.Id, meeting.Id, "Staff two extra youth club evenings", "Sian Roberts", now.AddDays(-5), PartnershipActionStatus.Done),
            Action(process.Id, meeting.Id, "Report back on reported incidents", "Tom Evans", now.AddDays(40), PartnershipActionStatus.NotStarted));
        var check = new HealthCheck
        {
            Id = Guid.CreateVersion7(), ProcessId = process.Id, Round = 1, OpenedAt = now.AddDays(-40), ClosedAt = now.AddDays(-31),
            Statements = ["We trust each other.", "We are open with each other about what we know and what we intend.",
                "Each of us does what we said we would do.", "Everyone gives and gets something from the partnership.",
                "We share the same goals.", "Power is shared: residents' views change what is decided."],
        };
        db.HealthChecks.Add(check);
        // Policy makers see a healthier partnership than residents do: the gap the side-by-side view exists to show.
        int[][] scores =
        [
            [2, 2, 3, 2, 4, 1], [3, 2, 2, 3, 4, 2], [2, 3, 3, 2, 3, 1],
            [3, 3, 4, 3, 4, 3], [4, 3, 3, 3, 4, 2],
            [4, 4, 3, 4, 4, 3], [3, 4, 4, 3, 5, 3],
            [5, 5, 4, 4, 5, 4], [4, 5, 5, 4, 5, 5],
        ];
        for (var i = 0; i < members.Count; i++)
        {
            db.HealthCheckParticipations.Add(new HealthCheckParticipation { HealthCheckId = check.Id, MemberId = members[i].Id });
            db.HealthCheckAnswers.Add(new HealthCheckAnswer
            {
                Id = Guid.NewGuid(), HealthCheckId = check.Id, Level = PartnershipRules.SliceOf(members[i].Level), Scores = [.. scores[i]],
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static PartnershipAction Action(Guid processId, Guid meetingId, string title, string owner, DateTimeOffset due, PartnershipActionStatus status) => new()
    {
        Id = Guid.CreateVersion7(), ProcessId = processId, MeetingId = meetingId, Title = title, Owner = owner,
        DueOn = DateOnly.FromDateTime(due.UtcDateTime), Status = status, UpdatedAt = due.AddDays(-20),
    };
}
