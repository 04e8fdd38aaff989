namespace Hotline.Api.Citizens;

/// <summary>
/// Response headers of the public surfaces: <c>X-Content-Type-Options: nosniff</c> on /open311 and /api/public,
/// <c>Cache-Control: no-store</c> on tracking look-ups (an answer for the code's holder only, never for a shared
/// cache), and a restrictive Content-Security-Policy on the static /citizen pages (same-origin script, style,
/// fetch and images only; no inline code, frames, plug-ins or foreign form targets).
/// </summary>
public static class CitizenSecurityHeaders
{
    public const string CitizenPagesPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseCitizenSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var path = http.Request.Path;
        if (path.StartsWithSegments("/open311") || path.StartsWithSegments("/api/public"))
        {
            http.Response.Headers.XContentTypeOptions = "nosniff";
            if (path.StartsWithSegments("/api/public/submissions", out var rest) && rest.HasValue && rest.Value!.Length > 1 && HttpMethods.IsGet(http.Request.Method))
            {
                http.Response.Headers.CacheControl = "no-store";
            }
        }
        else if (path.StartsWithSegments("/citizen"))
        {
            http.Response.Headers.ContentSecurityPolicy = CitizenPagesPolicy;
            http.Response.Headers.XContentTypeOptions = "nosniff";
        }

        return next(http);
    });
}
