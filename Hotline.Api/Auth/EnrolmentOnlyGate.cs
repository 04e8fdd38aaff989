using Hotline.Core.Features.Users;

namespace Hotline.Api.Auth;

/// <summary>
/// A token of a session that must first enrol a required second factor opens <c>/api/account</c> only (the enrolment,
/// the account's own status and password); anything else answers 403 saying so, before any endpoint or the hub runs.
/// </summary>
public static class EnrolmentOnlyGate
{
    public static IApplicationBuilder UseEnrolmentOnlyGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.FindFirst(UserAccessCache.EnrolmentOnlyClaim)?.Value == "true" && !context.Request.Path.StartsWithSegments("/api/account"))
        {
            await TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "须先启用两步验证 (Two-factor enrolment required)",
                detail: "您的角色要求两步验证：请先在「两步验证」页面绑定身份验证器，再重新登录。",
                extensions: new Dictionary<string, object?> { ["twoFactorEnrolmentRequired"] = true }).ExecuteAsync(context);
            return;
        }

        await next(context);
    });
}
