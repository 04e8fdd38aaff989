using Hangfire;
using Hangfire.Dashboard;
using Hotline.Contracts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Hotline.Api.Jobs;

/// <summary>
/// Hangfire's dashboard at <c>/jobs</c>, for Admin and Supervisor only, in every mode (Hangfire's default lets any
/// local request in; we never do). A browser opens <c>/jobs?access_token=…</c> once; the token is kept in an
/// HttpOnly cookie scoped to <c>/jobs</c> for the dashboard's own requests.
/// </summary>
public static class JobsDashboard
{
    public const string Path = "/jobs";
    public const string Cookie = "hotline_jobs";

    public static IApplicationBuilder UseJobsDashboard(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(Path) && context.Request.Query.TryGetValue("access_token", out var token) && !string.IsNullOrEmpty(token)
                && (await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme)).Succeeded)
            {
                // Only a valid token is kept, so nobody can plant a cookie of their own in someone else's browser.
                context.Response.Cookies.Append(Cookie, token.ToString(), new CookieOptions
                {
                    HttpOnly = true,
                    SameSite = SameSiteMode.Strict,
                    Path = Path,
                    Secure = context.Request.IsHttps,
                });
            }

            await next(context);
        });
        return app.UseHangfireDashboard(Path, new DashboardOptions
        {
            Authorization = [],
            AsyncAuthorization = [new RoleAuthorization()],
            DashboardTitle = "Hotline 作业",
            DisplayStorageConnectionString = false,
        });
    }

    /// <summary>Reads the bearer token for the dashboard: header, then <c>?access_token=</c>, then the cookie.</summary>
    public static string? TokenFor(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(Path))
        {
            return null;
        }

        if (context.Request.Query.TryGetValue("access_token", out var query) && !string.IsNullOrEmpty(query))
        {
            return query;
        }

        return context.Request.Cookies.TryGetValue(Cookie, out var cookie) ? cookie : null;
    }

    private sealed class RoleAuthorization : IDashboardAsyncAuthorizationFilter
    {
        public async Task<bool> AuthorizeAsync(DashboardContext context)
        {
            var http = context.GetHttpContext();
            var result = await http.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
            return result.Succeeded && (result.Principal.IsInRole(Roles.Admin) || result.Principal.IsInRole(Roles.Supervisor));
        }
    }
}
