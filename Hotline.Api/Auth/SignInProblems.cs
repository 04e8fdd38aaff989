using System.Globalization;
using Hotline.Core.Features.Users.SignIn;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hotline.Api.Auth;

/// <summary>The answer to a sign-in refused by the limits: 429 with Retry-After (whole seconds) and when to try again, in Chinese.</summary>
public static class SignInProblems
{
    public static ProblemHttpResult Throttled(HttpContext http, SignInThrottledException throttled)
    {
        var seconds = Math.Max(1, (long)Math.Ceiling(throttled.RetryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "登录尝试过于频繁 (Too many sign-in attempts)",
            detail: throttled.Message,
            extensions: new Dictionary<string, object?> { ["retryAfterSeconds"] = seconds });
    }
}
