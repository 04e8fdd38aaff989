using System.Globalization;
using Hotline.Core.Features.Users.SignIn;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hotline.Api.Auth;

/// <summary>
/// The answers to a refused sign-in: 401 for a wrong password or code (with <c>twoFactorRequired</c> when the next try
/// must carry a code), 429 with Retry-After (whole seconds) and when to try again, in Chinese, when the limits refuse.
/// </summary>
public static class SignInProblems
{
    public static ProblemHttpResult Refused(SignInOutcome outcome)
    {
        var (title, detail) = outcome switch
        {
            SignInOutcome.CodeRequired => ("需要动态验证码 (One-time code required)", "请输入身份验证器上的 6 位动态验证码，或一个恢复码。"),
            SignInOutcome.InvalidCode => ("动态验证码错误 (Invalid code)", "动态验证码不正确或已过期，请输入身份验证器当前显示的 6 位数字。"),
            SignInOutcome.CodeReused => ("动态验证码已使用 (Code already used)", "该验证码已经用过，请等待身份验证器显示下一个验证码；恢复码每个只能使用一次。"),
            _ => ("用户名或密码错误 (Invalid credentials)", null),
        };
        var extensions = new Dictionary<string, object?>();
        if (outcome != SignInOutcome.InvalidCredentials)
        {
            extensions["twoFactorRequired"] = true;
        }

        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: title, detail: detail, extensions: extensions);
    }

    public static ProblemHttpResult SessionEnded() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "登录会话已结束 (Session ended)", detail: "登录会话已结束或已过期，请重新登录。");

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
