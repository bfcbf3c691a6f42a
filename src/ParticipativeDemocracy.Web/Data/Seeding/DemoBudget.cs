using Microsoft.EntityFrameworkCore;
using ParticipativeDemocracy.Web.Data.Entities.Budgeting;
using ParticipativeDemocracy.Web.Features.Budgeting;

namespace ParticipativeDemocracy.Web.Data.Seeding;

/// <summary>
/// The demo budget in its voting phase: a city-wide budget beside the Riverside neighbourhood fund, so the
/// ballot page shows two budgets; real-looking projects and a few hundred ballots, so tallies move at once.
/// Some Riverside residents voted in both budgets: the turnout (people) is below the number of ballots.
/// </summary>
internal static class DemoBudget
{
    public const decimal CityWideAmount = 250_000m;

    public const decimal RiversideAmount = 80_000m;

    public const string RiversideDistrict = "Riverside";

    public const string RiversideFund = "Riverside neighbourhood fund";

    /// <summary>Popularity: the share of a budget's voters who pick the project when it still fits their budget.</summary>
    private static readonly (string Title, string Description, string District, decimal Cost, double Popularity)[] Projects =
    [
        ("Safer crossing on Mill Lane", "A zebra crossing and lower kerbs by the primary school.", "Mill Lane", 45_000m, 0.55),
        ("Riverside path lighting", "Solar lights along the 1.2 km river path used after dark by commuters.", RiversideDistrict, 62_000m, 0.5),
        ("Community fridge", "A shared fridge and volunteer rota at the community centre to cut food waste.", "Town centre", 8_500m, 0.6),
        ("Play area for older children", "Climbing frame and ball court in Jubilee Park for ages 8–14.", "Jubilee Park", 95_000m, 0.3),
        ("Street trees on Station Road", "Forty trees with watering bags for three summers.", "Station Road", 38_000m, 0.45),
        ("Repair café tools", "Tools, benches and insurance for a monthly repair café.", "Town centre", 6_000m, 0.5),
        ("Bus shelter seating", "Seats and shelters at six stops used by older residents.", "Various", 54_000m, 0.4),
        ("Youth music studio", "Equipment for a free recording studio in the youth club.", RiversideDistrict, 27_500m, 0.35),
        ("Water taps for the Riverside allotments", "Two standpipes, so plot holders stop carrying water from the boathouse.", RiversideDistrict, 12_000m, 0.55),
        ("Benches on the boathouse steps", "Six oak benches facing the river, with armrests for older residents.", RiversideDistrict, 9_500m, 0.45),
        ("Wildflower verges on Quay Street", "800 m of verge sown for pollinators and mown twice a year.", RiversideDistrict, 7_000m, 0.6),
        ("Skate park by the leisure centre", "A concrete bowl and ramps designed with the young people who use the car park now.", "Leisure centre", 70_000m, 0.35),
    ];

    public static async Task SeedAsync(AppDbContext db, Guid processId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.BudgetSettings.AnyAsync(b => b.ProcessId == processId, cancellationToken))
        {
            return;
        }

        // Ballots name their budget through a statement trigger EF cannot see (ADR 0010): budgets are saved first.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.BudgetSettings.Add(new BudgetSettings
        {
            ProcessId = processId, Amount = CityWideAmount + RiversideAmount, Currency = "GBP", BallotKind = BudgetBallotKind.Approval,
            MinProjects = 1, MustFitBudget = true, CountingRule = BudgetCountingRule.EqualShares, Completion = BudgetCompletion.Add1,
            TieBreak = BudgetTieBreak.CostVotesLot, Seed = 2027, TallyVisibility = TallyVisibility.Public,
            VotingOpensAt = now.AddDays(-7), VotingClosesAt = now.AddDays(14), ConfigurationVersion = 1,
        });
        var city = new ProcessBudget { Id = processId, ProcessId = processId, Name = "City-wide", Amount = CityWideAmount };
        var riverside = new ProcessBudget
        {
            Id = Guid.CreateVersion7(now), ProcessId = processId, Name = RiversideFund, Amount = RiversideAmount, District = RiversideDistrict, Position = 1,
        };
        db.ProcessBudgets.AddRange(city, riverside);
        var projects = Projects.Select((p, i) => (Project: new BudgetProject
        {
            Id = Guid.CreateVersion7(now), ProcessId = processId, BudgetId = ProcessBudgets.ForDistrict([city, riverside], p.District)!.Id,
            Code = $"P{i + 1:D2}", Title = p.Title, Description = p.Description, District = p.District, EstimatedCost = p.Cost,
            Status = ProposalStatus.Feasible, CreatedAt = now.AddDays(-30), UpdatedAt = now.AddDays(-10),
        }, p.Popularity)).ToList();
        db.BudgetProjects.AddRange(projects.Select(p => p.Project));
        await db.SaveChangesAsync(cancellationToken);
        Vote(db, city, [.. projects.Where(p => p.Project.BudgetId == city.Id)], now);
        Vote(db, riverside, [.. projects.Where(p => p.Project.BudgetId == riverside.Id)], now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Seeded, so every demo install shows the same figures. The first 80 city-wide voters live in Riverside;
    /// three in four of them also vote in its fund (same registry key), and 25 more vote in the fund only.
    /// </summary>
    private static void Vote(AppDbContext db, ProcessBudget budget, List<(BudgetProject Project, double Popularity)> projects, DateTimeOffset now)
    {
        var random = new Random(2027);
        var voters = Enumerable.Range(0, 240).Select(_ => NextGuid(random)).ToList();
        var riversiders = voters.Take(80).Where(_ => random.NextDouble() < 0.75).Concat(Enumerable.Range(0, 25).Select(_ => NextGuid(random)));
        var random2 = new Random(budget.District is null ? 1 : 2);
        foreach (var voter in budget.District is null ? voters : riversiders.ToList())
        {
            var choices = new List<BallotChoice>();
            var spent = 0m;
            foreach (var (project, popularity) in projects)
            {
                if (random2.NextDouble() < popularity && spent + project.EstimatedCost <= budget.Amount)
                {
                    choices.Add(new BallotChoice(project.Id, 1));
                    spent += project.EstimatedCost;
                }
            }

            var castAt = now.AddMinutes(-random2.Next(10_000));
            db.BudgetBallots.Add(new BudgetBallot
            {
                Id = Guid.CreateVersion7(now), ProcessId = budget.ProcessId, BudgetId = budget.Id, ReceiptCode = BallotSecrets.NewReceiptCode(),
                Choices = choices.Count > 0 ? choices : [new BallotChoice(projects.MaxBy(p => p.Popularity).Project.Id, 1)], CastAt = castAt,
            });
            db.VoterRecords.Add(new VoterRecord
            {
                ProcessId = budget.ProcessId, BudgetId = budget.Id, VoterKey = VoterKeys.ForCode(voter), Channel = VoteChannel.Online,
                FirstVotedAt = castAt, LastVotedAt = castAt,
            });
        }
    }

    private static Guid NextGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }
}
