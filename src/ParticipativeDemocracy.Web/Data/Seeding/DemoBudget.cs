using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;
using ParticipativeDemocracy.Web.Features.Budgeting;

namespace ParticipativeDemocracy.Web.Data.Seeding;

/// <summary>The demo budget in its voting phase: real-looking projects and a few hundred ballots, so tallies move at once.</summary>
internal static class DemoBudget
{
    private static readonly (string Title, string Description, string District, decimal Cost)[] Projects =
    [
        ("Safer crossing on Mill Lane", "A zebra crossing and lower kerbs by the primary school.", "Mill Lane", 45_000m),
        ("Riverside path lighting", "Solar lights along the 1.2 km river path used after dark by commuters.", "Riverside", 62_000m),
        ("Community fridge", "A shared fridge and volunteer rota at the community centre to cut food waste.", "Town centre", 8_500m),
        ("Play area for older children", "Climbing frame and ball court in Jubilee Park for ages 8–14.", "Jubilee Park", 95_000m),
        ("Street trees on Station Road", "Forty trees with watering bags for three summers.", "Station Road", 38_000m),
        ("Repair café tools", "Tools, benches and insurance for a monthly repair café.", "Town centre", 6_000m),
        ("Bus shelter seating", "Seats and shelters at six stops used by older residents.", "Various", 54_000m),
        ("Youth music studio", "Equipment for a free recording studio in the youth club.", "Riverside", 27_500m),
    ];

    public static async Task SeedAsync(AppDbContext db, Guid processId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.BudgetSettings.AnyAsync(b => b.ProcessId == processId, cancellationToken))
        {
            return;
        }

        db.BudgetSettings.Add(new BudgetSettings
        {
            ProcessId = processId, Amount = 250_000m, Currency = "GBP", BallotKind = BudgetBallotKind.Approval,
            MinProjects = 1, MustFitBudget = true, CountingRule = BudgetCountingRule.EqualShares, Completion = BudgetCompletion.Add1,
            TieBreak = BudgetTieBreak.CostVotesLot, Seed = 2027, TallyVisibility = TallyVisibility.Public,
            VotingOpensAt = now.AddDays(-7), VotingClosesAt = now.AddDays(14), ConfigurationVersion = 1,
        });
        db.ProcessBudgets.Add(new ProcessBudget { Id = processId, ProcessId = processId, Name = "City-wide", Amount = 250_000m });
        var projects = Projects.Select((p, i) => new BudgetProject
        {
            Id = Guid.CreateVersion7(now), ProcessId = processId, BudgetId = processId, Code = $"P{i + 1:D2}", Title = p.Title, Description = p.Description,
            District = p.District, EstimatedCost = p.Cost, Status = ProposalStatus.Feasible, CreatedAt = now.AddDays(-30), UpdatedAt = now.AddDays(-10),
        }).ToList();
        db.BudgetProjects.AddRange(projects);
        db.BudgetBallots.AddRange(Ballots(processId, projects, now));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Seeded, so every demo install shows the same figures.</summary>
    private static IEnumerable<BudgetBallot> Ballots(Guid processId, List<BudgetProject> projects, DateTimeOffset now)
    {
        var random = new Random(2027);
        double[] popularity = [0.55, 0.35, 0.6, 0.3, 0.45, 0.5, 0.4, 0.25];
        for (var voter = 0; voter < 240; voter++)
        {
            var choices = new List<BallotChoice>();
            var spent = 0m;
            for (var p = 0; p < projects.Count; p++)
            {
                if (random.NextDouble() < popularity[p] && spent + projects[p].EstimatedCost <= 250_000m)
                {
                    choices.Add(new BallotChoice(projects[p].Id, 1));
                    spent += projects[p].EstimatedCost;
                }
            }

            yield return new BudgetBallot
            {
                Id = Guid.CreateVersion7(now), ProcessId = processId, BudgetId = processId, ReceiptCode = BallotSecrets.NewReceiptCode(),
                Choices = choices.Count > 0 ? choices : [new BallotChoice(projects[2].Id, 1)], CastAt = now.AddMinutes(-random.Next(10_000)),
            };
        }
    }
}
