using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Data.Entities;

namespace ParticipativeDemocracy.Web.Data.Seeding;

/// <summary>A demo council with accounts and processes, so a new user sees something real. Idempotent.</summary>
public sealed class DemoCouncilSeeder(
    AppDbContext db,
    UserManager<AppUser> users,
    IOptions<DemoCouncilOptions> options,
    TimeProvider clock)
{
    public const string CouncilSlug = "demo-borough";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var demo = options.Value;
        await EnsureUserAsync(demo.AdminEmail, demo.AdminPassword, "Demo administrator", [Roles.Administrator, Roles.Officer]);
        await EnsureUserAsync(demo.OfficerEmail, demo.OfficerPassword, "Demo officer", [Roles.Officer]);
        var council = await EnsureCouncilAsync(cancellationToken);
        await EnsureProcessesAsync(council, cancellationToken);
    }

    private async Task EnsureUserAsync(string email, string password, string name, string[] roles)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new AppUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = name,
                CreatedAt = clock.GetUtcNow(),
            };
            ReferenceDataSeeder.EnsureSucceeded(await users.CreateAsync(user, password), email);
        }

        foreach (var role in roles)
        {
            if (!await users.IsInRoleAsync(user, role))
            {
                ReferenceDataSeeder.EnsureSucceeded(await users.AddToRoleAsync(user, role), $"{email} as {role}");
            }
        }
    }

    private async Task<Organisation> EnsureCouncilAsync(CancellationToken cancellationToken)
    {
        var council = await db.Organisations.SingleOrDefaultAsync(o => o.Slug == CouncilSlug, cancellationToken);
        if (council is not null)
        {
            return council;
        }

        council = new Organisation
        {
            Id = Guid.CreateVersion7(),
            Name = "Demo Borough Council",
            Slug = CouncilSlug,
            TimeZone = "Europe/London",
            CreatedAt = clock.GetUtcNow(),
        };
        db.Organisations.Add(council);
        await db.SaveChangesAsync(cancellationToken);
        return council;
    }

    private async Task EnsureProcessesAsync(Organisation council, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var process in DemoProcesses.For(council.Id, now))
        {
            var exists = await db.Processes.AnyAsync(
                p => p.OrganisationId == council.Id && p.Slug == process.Slug, cancellationToken);
            if (!exists)
            {
                db.Processes.Add(process);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        var budget = await db.Processes.SingleAsync(p => p.OrganisationId == council.Id && p.Slug == DemoProcesses.BudgetSlug, cancellationToken);
        await DemoBudget.SeedAsync(db, budget.Id, now, cancellationToken);
        await DemoBudgetActivity.SeedAsync(db, users, council.Id, budget.Id, now, cancellationToken);
        await DemoParticipation.SeedAsync(db, council.Id, options.Value.OfficerEmail, now, cancellationToken);
        var jury = await db.Processes.SingleAsync(p => p.OrganisationId == council.Id && p.Slug == DemoProcesses.JurySlug, cancellationToken);
        await DemoJury.SeedAsync(db, users, jury.Id, now, cancellationToken);
        // Last, so that the recruitment seed (if any) has made the demo jury and its panel first.
        await DemoJuryRoom.SeedAsync(db, users, council, options.Value, now, cancellationToken);
    }
}
