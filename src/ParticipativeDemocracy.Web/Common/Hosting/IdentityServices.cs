using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using ParticipativeDemocracy.Web.Common.Auth;
using ParticipativeDemocracy.Web.Data;
using ParticipativeDemocracy.Web.Data.Entities;

namespace ParticipativeDemocracy.Web.Common.Hosting;

public static class IdentityServices
{
    public const string SignInPath = "/account/sign-in";

    public static IServiceCollection AddPlatformIdentity(this IServiceCollection services)
    {
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.SignIn.RequireConfirmedEmail = true;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        // The periodic security-stamp check rebuilds the principal; without this, staff would lose the
        // second-factor claim (and so their access) half an hour after signing in.
        services.Configure<SecurityStampValidatorOptions>(options => options.OnRefreshingPrincipal = context =>
        {
            var secondFactor = context.CurrentPrincipal?.FindFirst(Policies.SecondFactorClaim);
            if (secondFactor is not null && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity
                && !identity.HasClaim(Policies.SecondFactorClaim, secondFactor.Value))
            {
                identity.AddClaim(new System.Security.Claims.Claim(Policies.SecondFactorClaim, secondFactor.Value));
            }

            return Task.CompletedTask;
        });
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = SignInPath;
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "pd.auth";
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Events.OnRedirectToLogin = context => StatusOrRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => StatusOrRedirect(context, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder().AddPlatformPolicies();
        services.AddCascadingAuthenticationState();
        return services;
    }

    /// <summary>API callers get a status code; people in a browser get the sign-in page.</summary>
    private static Task StatusOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsApiRequest(context.Request))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    internal static bool IsApiRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/hubs");
}
