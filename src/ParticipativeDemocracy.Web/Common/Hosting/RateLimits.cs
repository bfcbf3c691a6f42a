using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using ParticipativeDemocracy.Web.Common.Eligibility;

namespace ParticipativeDemocracy.Web.Common.Hosting;

/// <summary>
/// Named rate-limit policies. Endpoints opt in with RequireRateLimiting(RateLimits.X), ballot endpoints with
/// RequireVoterRateLimit(); the sign-in pages are limited by path, since Blazor maps all pages as one kind of endpoint.
/// </summary>
public static class RateLimits
{
    public const string SignIn = nameof(SignIn);
    public const string CodeRedemption = nameof(CodeRedemption);
    public const string Verification = nameof(Verification);
    public const string BallotSubmission = nameof(BallotSubmission);

    private static readonly Dictionary<string, int> Defaults = new(StringComparer.Ordinal)
    {
        [SignIn] = 20, [CodeRedemption] = 20, [Verification] = 10, [BallotSubmission] = 10,
    };

    /// <summary>Ballots count per 20 seconds (10 a voter, the same rate as 30 a minute), so fewer voters' counters are kept.</summary>
    private static readonly Dictionary<string, TimeSpan> Windows = new(StringComparer.Ordinal)
    {
        [BallotSubmission] = TimeSpan.FromSeconds(20),
    };

    private static readonly string[] SignInPaths =
        ["/account/sign-in", "/account/two-factor", "/account/email-sign-in", "/account/sign-in-link", "/account/sign-up"];

    /// <summary>Form posts of pages that do what a limited API endpoint does share its limit.</summary>
    private static RateLimitPartition<string> ForPage(HttpContext context, Func<string, int> permits, Func<string, TimeSpan> windowOf)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("none");
        }

        var path = context.Request.Path;
        return path switch
        {
            _ when SignInPaths.Any(p => path.StartsWithSegments(p)) => Fixed("sign-in:" + ClientAddress(context), permits(SignIn), windowOf(SignIn)),
            _ when path.StartsWithSegments("/vote/code") => Fixed("code:" + ClientAddress(context), permits(CodeRedemption), windowOf(CodeRedemption)),
            _ when path.StartsWithSegments("/account/verify") => Fixed("verify:" + UserOrAddress(context), permits(Verification), windowOf(Verification)),
            _ => RateLimitPartition.GetNoLimiter("none"),
        };
    }

    public static IServiceCollection AddPlatformRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("RateLimits");
        int Permits(string name) => settings.GetValue($"{name}:PermitLimit", Defaults[name]);
        var window = settings.GetValue("Window", TimeSpan.FromMinutes(1));
        TimeSpan WindowOf(string name) => settings.GetValue($"{name}:Window", Windows.GetValueOrDefault(name, window));

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = WriteProblemAsync;
            options.AddPolicy(CodeRedemption, context => Fixed(ClientAddress(context), Permits(CodeRedemption), WindowOf(CodeRedemption)));
            options.AddPolicy(Verification, context => Fixed(UserOrAddress(context), Permits(Verification), WindowOf(Verification)));
        });
        services.AddOptions<RateLimiterOptions>().Configure<TimeProvider>((options, time) => options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(context => ForPage(context, Permits, WindowOf)),
            new VoterRateLimiter(time, BallotVoterIfLimited, () => Permits(BallotSubmission), WindowOf(BallotSubmission))));
        return services;
    }

    /// <summary>Ballots cast through the API and through the ballot page's form share one count per voter.</summary>
    public static TBuilder RequireVoterRateLimit<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(VoterLimited.Instance);

    private static string? BallotVoterIfLimited(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<VoterLimited>() is not null
        || (HttpMethods.IsPost(context.Request.Method) && IsBallotPage(context.Request.Path))
            ? "ballot:" + BallotVoter(context)
            : null;

    private sealed class VoterLimited
    {
        public static readonly VoterLimited Instance = new();
    }

    private static RateLimitPartition<string> Fixed(string key, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
        });

    private static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string UserOrAddress(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true ? "user:" + context.User.Identity.Name : "ip:" + ClientAddress(context);

    private static bool IsBallotPage(PathString path) =>
        path.StartsWithSegments("/processes") && path.Value!.EndsWith("/ballot", StringComparison.Ordinal);

    private const int PassKeyLength = 24;

    /// <summary>Voters without an account share addresses (a library, an assisted point): their pass tells them apart.</summary>
    private static string BallotVoter(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            return UserOrAddress(context);
        }

        string? pass = context.Request.Headers[VotingCodes.PassHeader];
        pass ??= context.Request.Cookies[VotingCodes.PassCookie];
        // A pass ends with its signature (or, for older passes, its authentication tag): its last characters tell
        // passes apart as well as a hash of the whole would, without hashing on every ballot.
        return pass is { Length: > 0 }
            ? string.Concat("pass:", pass.AsSpan(Math.Max(0, pass.Length - PassKeyLength)))
            : UserOrAddress(context);
    }

    private static async ValueTask WriteProblemAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = "You have tried this too many times. Wait a minute and try again.",
            },
        });
    }
}
