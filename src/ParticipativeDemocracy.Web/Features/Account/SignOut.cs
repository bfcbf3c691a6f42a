using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using ParticipativeDemocracy.Web.Data.Entities;

namespace ParticipativeDemocracy.Web.Features.Account;

public static class SignOut
{
    public static IEndpointRouteBuilder MapSignOut(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/sign-out", async Task<Results<RedirectHttpResult, BadRequest>> (
                HttpContext context, IAntiforgery antiforgery, SignInManager<AppUser> signIn) =>
            {
                if (!await antiforgery.IsRequestValidAsync(context))
                {
                    return TypedResults.BadRequest();
                }

                await signIn.SignOutAsync();
                return TypedResults.LocalRedirect("/");
            })
            .WithName(nameof(SignOut))
            .ExcludeFromDescription()
            .AllowAnonymous();
        return app;
    }
}
