using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Localization;
using ParticipativeDemocracy.Web.Common.Hosting;

namespace ParticipativeDemocracy.Web.Features.Account;

/// <summary>Remembers the reader's language (English or Welsh) in a cookie and returns them to the page.</summary>
public static class ChooseLanguage
{
    public static IEndpointRouteBuilder MapChooseLanguage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/language/{culture}", Results<RedirectHttpResult, NotFound> (
                string culture, string? returnUrl, HttpContext context, TimeProvider clock) =>
            {
                if (!UiServices.SupportedCultures.Any(c => c.Name == culture))
                {
                    return TypedResults.NotFound();
                }

                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions
                    {
                        Expires = clock.GetUtcNow().AddYears(1),
                        IsEssential = true,
                        HttpOnly = true,
                        SameSite = SameSiteMode.Lax,
                    });
                return TypedResults.LocalRedirect(AccountEndpoints.LocalOrHome(returnUrl));
            })
            .WithName(nameof(ChooseLanguage))
            .ExcludeFromDescription()
            .AllowAnonymous();
        return app;
    }
}
