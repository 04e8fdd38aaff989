using System.Text;
using Microsoft.Net.Http.Headers;

namespace Hotline.Api.Errors;

/// <summary>
/// A request body in a charset .NET cannot decode (<c>Content-Type: application/json; charset=klingon</c>) answers 415
/// before any endpoint reads it; the JSON body reader would otherwise throw an InvalidOperationException (a 500). A quoted
/// charset (<c>charset="utf-8"</c>, which HTTP allows and the reader does not understand) is passed on unquoted.
/// </summary>
public static class KnownRequestCharsets
{
    public static IApplicationBuilder UseKnownRequestCharsets(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var media) && media.Charset.HasValue)
        {
            var charset = HeaderUtilities.RemoveQuotes(media.Charset).ToString();
            if (IsKnown(charset))
            {
                if (charset.Length != media.Charset.Length)
                {
                    media.Charset = charset;
                    http.Request.ContentType = media.ToString();
                }

                await next(http);
                return;
            }

            http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails =
                {
                    Status = StatusCodes.Status415UnsupportedMediaType,
                    Title = "不支持的内容类型 (Unsupported media type)",
                    Detail = "请求体的字符集无法识别，请使用 UTF-8。",
                },
            });
            return;
        }

        await next(http);
    });

    private static bool IsKnown(string charset)
    {
        try
        {
            _ = Encoding.GetEncoding(charset);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
