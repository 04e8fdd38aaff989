using System.Text;

namespace Hotline.IntegrationTests.Fuzz;

/// <summary>One generated request: what it sends and a short description of how it is malformed.</summary>
internal sealed record FuzzCase(FuzzOperation Operation, string Actor, string Url, string? ContentType, byte[]? Body, string Mutation)
{
    private const string ForgedSignature = "Zm9yZ2VkLXNpZ25hdHVyZQ==";

    private bool IsWebhook => Operation.Path.StartsWith("/twilio/", StringComparison.Ordinal);

    public HttpRequestMessage ToRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Operation.Method), Url);
        if (IsWebhook)
        {
            // A forged signature: without one the webhook refuses before it reads anything, with one it reads the form first.
            request.Headers.TryAddWithoutValidation("X-Twilio-Signature", ForgedSignature);
        }
        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        return request;
    }

    /// <summary>The case as a line a person can replay with curl.</summary>
    public string Describe()
    {
        var body = Body is null ? "" : Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 240)).Replace("\0", "\\u0000", StringComparison.Ordinal);
        var more = Body is { Length: > 240 } ? $"… ({Body.Length} bytes)" : "";
        var signature = IsWebhook ? $" X-Twilio-Signature: {ForgedSignature}" : "";
        return $"{Operation.Method} {Url} as {Actor} [{Mutation}] content-type: {ContentType ?? "-"}{signature} body: {body}{more}";
    }
}
