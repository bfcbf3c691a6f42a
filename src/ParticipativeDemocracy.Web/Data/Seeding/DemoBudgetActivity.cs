using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Voting;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Data.Entities;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;
using ParticipativeDemocracy.Web.Features.Budgeting;

namespace ParticipativeDemocracy.Web.Data.Seeding;

/// <summary>
/// What residents said about the running demo budget (a comment thread), and last year's budget in its
/// implementation phase, counted by the real engine, with officers' updates on the funded projects.
/// Each part is added only when missing.
/// </summary>
internal static class DemoBudgetActivity
{
    public const string PastBudgetSlug = "riverside-budget-2026";

    private static readonly (string Name, string Email)[] Residents =
    [
        ("Alys Morgan", "alys.morgan@demo.example"), ("Dev Patel", "dev.patel@demo.example"), ("Rhian Evans", "rhian.evans@demo.example"),
    ];

    private static readonly (string Title, string Description, decimal Cost)[] PastProjects =
    [
        ("Benches along the canal", "Ten benches between the lock and the park.", 12_000m),
        ("Wildflower verges", "Sow and care for wildflowers on four road verges.", 9_000m),
        ("Skate park repairs", "Resurface the ramps and replace the fencing.", 48_000m),
        ("Library maker space", "3D printer, sewing machines and tools for all ages.", 25_000m),
        ("Dementia-friendly café", "Training and fittings for a weekly café at the community centre.", 15_000m),
    ];

    public static async Task SeedAsync(
        AppDbContext db, UserManager<AppUser> users, Guid councilId, Guid budgetId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var residents = new List<Guid>();
        foreach (var (name, email) in Residents)
        {
            residents.Add(await EnsureResidentAsync(users, name, email, now));
        }

        await SeedCommentsAsync(db, budgetId, residents, now, cancellationToken);
        await SeedPastBudgetAsync(db, councilId, residents, now, cancellationToken);
    }

    private static async Task<Guid> EnsureResidentAsync(UserManager<AppUser> users, string name, string email, DateTimeOffset now)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, PlayerLevel = PlayerLevel.Citizen, CreatedAt = now.AddDays(-60) };
            ReferenceDataSeeder.EnsureSucceeded(await users.CreateAsync(user), email);
        }

        if (!await users.IsInRoleAsync(user, Roles.Resident))
        {
            ReferenceDataSeeder.EnsureSucceeded(await users.AddToRoleAsync(user, Roles.Resident), $"{email} as {Roles.Resident}");
        }

        return user.Id;
    }

    private static async Task SeedCommentsAsync(AppDbContext db, Guid budgetId, List<Guid> residents, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.BudgetComments.AnyAsync(c => c.ProcessId == budgetId, cancellationToken))
        {
            return;
        }

        var projects = await db.BudgetProjects.Where(p => p.ProcessId == budgetId).OrderBy(p => p.Code).ToListAsync(cancellationToken);
        if (projects.Count < 3)
        {
            return;
        }

        var crossing = Comment(budgetId, projects[0].Id, null, residents[0], "My two walk to school this way: the cars do not slow down.", now.AddDays(-9));
        var reply = Comment(budgetId, projects[0].Id, crossing.Id, residents[1], "Agreed. A crossing by the school gate would help the older residents too.", now.AddDays(-8));
        var lights = Comment(budgetId, projects[1].Id, null, residents[2], "Could the lights dim after midnight? Bats use the river.", now.AddDays(-6));
        var lightsReply = Comment(budgetId, projects[1].Id, lights.Id, residents[0], "Good point: solar lights with motion sensors would do that.", now.AddDays(-5));
        var fridge = Comment(budgetId, projects[2].Id, null, residents[1], "I would volunteer on Saturdays.", now.AddDays(-3));
        db.BudgetComments.AddRange(crossing, reply, lights, lightsReply, fridge);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static BudgetComment Comment(Guid processId, Guid projectId, Guid? parentId, Guid authorId, string body, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at), ProcessId = processId, ProjectId = projectId, ParentId = parentId, AuthorId = authorId, Body = body, CreatedAt = at,
    };

    private static async Task SeedPastBudgetAsync(AppDbContext db, Guid councilId, List<Guid> residents, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.Processes.AnyAsync(p => p.OrganisationId == councilId && p.Slug == PastBudgetSlug, cancellationToken))
        {
            return;
        }

        var process = new Process
        {
            Id = Guid.CreateVersion7(now), OrganisationId = councilId, Kind = ProcessKind.ParticipatoryBudget, Slug = PastBudgetSlug,
            Title = "Riverside community budget 2026", Summary = "Last year residents chose how to spend £80,000; this is what happened next.",
            Status = ProcessStatus.Closed, OpensAt = now.AddDays(-300), ClosesAt = now.AddDays(-240), CreatedAt = now.AddDays(-320), UpdatedAt = now.AddDays(-240),
        };
        var settings = new BudgetSettings
        {
            ProcessId = process.Id, Amount = 80_000m, Currency = "GBP", BallotKind = BudgetBallotKind.Approval, MinProjects = 1, MustFitBudget = true,
            CountingRule = BudgetCountingRule.EqualShares, Completion = BudgetCompletion.Add1, TieBreak = BudgetTieBreak.CostVotesLot, Seed = 2026,
            TallyVisibility = TallyVisibility.Public, VotingOpensAt = now.AddDays(-260), VotingClosesAt = now.AddDays(-240),
            ImplementationOpensAt = now.AddDays(-230), CurrentPhase = BudgetPhaseKind.Implementation, PhaseChangedAt = now.AddDays(-230),
            ClosedAt = now.AddDays(-240), CountedAt = now.AddDays(-240), ConfigurationVersion = 1,
        };
        var budget = new ProcessBudget { Id = process.Id, ProcessId = process.Id, Name = "City-wide", Amount = settings.Amount };
        var projects = PastProjects.Select((p, i) => new BudgetProject
        {
            Id = Guid.CreateVersion7(now), ProcessId = process.Id, BudgetId = budget.Id, Code = $"P{i + 1:D2}", Title = p.Title, Description = p.Description,
            EstimatedCost = p.Cost, Status = ProposalStatus.Feasible, AuthorId = residents[i % residents.Count],
            CreatedAt = now.AddDays(-300), UpdatedAt = now.AddDays(-270),
        }).ToList();
        var ballots = PastBallots(process.Id, projects, settings.VotingClosesAt).ToList();
        var outcome = Count(settings, budget, process.Title, projects, ballots);
        // Ballots name their budget through a statement trigger EF cannot see (ADR 0010): the budget is saved first.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Processes.Add(process);
        db.BudgetSettings.Add(settings);
        db.ProcessBudgets.Add(budget);
        db.BudgetProjects.AddRange(projects);
        await db.SaveChangesAsync(cancellationToken);
        db.BudgetBallots.AddRange(ballots);
        db.BudgetOutcomes.Add(outcome);
        // The proposers of last year heard long ago: no feedback mail goes out for the demo.
        db.BudgetFeedbackRuns.Add(new BudgetFeedbackRun { ProcessId = process.Id, SentAt = outcome.CountedAt });
        var funded = projects.Where(p => outcome.SelectedCodes.Contains(p.Code)).ToList();
        foreach (var (project, i) in funded.Select((p, i) => (p, i)))
        {
            db.ProjectUpdates.AddRange(Updates(process.Id, project, i, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static BudgetOutcome Count(BudgetSettings settings, ProcessBudget budget, string title, List<BudgetProject> projects, List<BudgetBallot> ballots)
    {
        var election = BudgetElection.Build(settings, budget, title, projects, ballots);
        var options = BudgetElection.OptionsFor(settings);
        var result = BudgetCounter.Count(election, options);
        return new BudgetOutcome
        {
            BudgetId = budget.Id, ProcessId = settings.ProcessId, CountedAt = settings.ClosedAt!.Value, Rule = BudgetElection.RuleName(options),
            TieBreak = BudgetCounter.TieBreakName(options), Seed = settings.Seed, InputsHash = BudgetElection.HashOf(PabulibWriter.Write(election)),
            BallotCount = ballots.Count, SelectedCodes = [.. result.Selected], TotalCost = result.TotalCost, Explanation = [.. result.Explanation],
        };
    }

    /// <summary>Seeded, so every demo install shows the same result.</summary>
    private static IEnumerable<BudgetBallot> PastBallots(Guid processId, List<BudgetProject> projects, DateTimeOffset closedAt)
    {
        var random = new Random(2026);
        double[] popularity = [0.7, 0.55, 0.35, 0.5, 0.45];
        for (var voter = 0; voter < 120; voter++)
        {
            var choices = projects.Where((_, p) => random.NextDouble() < popularity[p]).Select(p => new BallotChoice(p.Id, 1)).ToList();
            yield return new BudgetBallot
            {
                Id = Guid.CreateVersion7(closedAt), ProcessId = processId, BudgetId = processId, ReceiptCode = BallotSecrets.NewReceiptCode(),
                Choices = choices.Count > 0 ? choices : [new BallotChoice(projects[0].Id, 1)], CastAt = closedAt.AddMinutes(-random.Next(20_000)),
            };
        }
    }

    private static IEnumerable<ProjectUpdate> Updates(Guid processId, BudgetProject project, int index, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        yield return Update(processId, project, ImplementationStatus.Planned, "Suppliers asked for quotes; work is planned for the spring.",
            "Contract signed", today.AddDays(-180), now.AddDays(-220));
        yield return index % 2 == 0
            ? Update(processId, project, ImplementationStatus.Completed, "Finished and open to everyone. Thank you to all who voted for it.",
                "Opened", today.AddDays(-40), now.AddDays(-40))
            : Update(processId, project, ImplementationStatus.Delayed, "The supplier is late: we now expect to finish next month.",
                "Expected finish", today.AddDays(30), now.AddDays(-20));
    }

    private static ProjectUpdate Update(
        Guid processId, BudgetProject project, ImplementationStatus status, string note, string milestone, DateOnly milestoneDate, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at), ProcessId = processId, ProjectId = project.Id, Status = status, Note = note, Milestone = milestone,
        MilestoneDate = milestoneDate, PostedAt = at,
    };
}
