using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Telephony;

/// <summary>
/// Checks the signature of an incoming webhook: the URL is <c>Twilio:PublicBaseUrl</c> plus the raw request
/// target (path and query exactly as sent), or the request's own URL when no public base URL is configured.
/// Url-encoded form bodies are signed with every field received (Twilio adds fields without notice), GET requests
/// and JSON bodies by URL alone (JSON with <c>bodySHA256</c>); anything else, or a form that cannot be read, is not
/// valid.
/// </summary>
public sealed class TwilioWebhookValidator(TwilioCredentials credentials, IOptions<TwilioOptions> options)
{
    public async Task<WebhookRequest?> ValidateAsync(HttpRequest request, CancellationToken ct)
    {
        var token = credentials.WebhookToken;
        var signature = request.Headers[TwilioSignature.Header].ToString();
        if (string.IsNullOrEmpty(token) || string.IsNullOrEmpty(signature))
        {
            return null;
        }

        var url = PublicUrl(request);
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        if (HttpMethods.IsGet(request.Method))
        {
            return TwilioSignature.IsValid(token, url, null, signature) ? new WebhookRequest(query, query) : null;
        }

        if (request.HasFormContentType)
        {
            // Twilio posts url-encoded forms only. A multipart body, or a form the reader refuses (more than 1,024
            // fields, a key over 2,048 characters, a truncated body), cannot carry a valid signature: it is refused
            // like a wrong one, and never reaches the generic error handler as a 500.
            if (!IsUrlEncoded(request.ContentType))
            {
                return null;
            }

            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(ct);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException && !ct.IsCancellationRequested)
            {
                return null;
            }

            var pairs = form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? string.Empty))).ToList();
            if (!TwilioSignature.IsValid(token, url, pairs, signature))
            {
                return null;
            }

            return new WebhookRequest(form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal), query);
        }

        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct);
            return TwilioSignature.IsValidJson(token, url, buffer.ToArray(), signature) ? new WebhookRequest(query, query) : null;
        }

        return null;
    }

    private static bool IsUrlEncoded(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && mediaType.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    private string PublicUrl(HttpRequest request)
    {
        var rawTarget = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(rawTarget) || !rawTarget.StartsWith('/'))
        {
            rawTarget = request.PathBase + request.Path + request.QueryString;
        }

        var configured = options.Value.PublicBaseUrl;
        if (string.IsNullOrWhiteSpace(configured))
        {
            return $"{request.Scheme}://{request.Host}{rawTarget}";
        }

        // A path prefix in the public URL (a proxy mounting the API under /hotline) precedes the raw target.
        return configured.TrimEnd('/') + rawTarget;
    }
}
