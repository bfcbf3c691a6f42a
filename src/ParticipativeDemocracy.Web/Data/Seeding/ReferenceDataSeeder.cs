using Microsoft.AspNetCore.Identity;
using ParticipativeDemocracy.Web.Common.Auth;

namespace ParticipativeDemocracy.Web.Data.Seeding;

/// <summary>Data every installation needs: the roles. Safe to run any number of times.</summary>
public sealed class ReferenceDataSeeder(RoleManager<IdentityRole<Guid>> roles)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!await roles.RoleExistsAsync(role))
            {
                EnsureSucceeded(await roles.CreateAsync(new IdentityRole<Guid>(role)), role);
            }
        }
    }

    internal static void EnsureSucceeded(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Seeding '{what}' failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
