using Hotline.Core.Telephony;

namespace Hotline.Api.Webhooks;

/// <summary>
/// Refuses (403) any webhook whose X-Twilio-Signature is missing (before the body is read) or wrong, or whose body is
/// not a readable url-encoded form, before anything changes data.
/// </summary>
public sealed class TwilioSignatureFilter(TwilioWebhookValidator validator) : IEndpointFilter
{
    private const string ItemKey = "twilio.webhook";

    public static WebhookRequest Webhook(HttpContext http) => (WebhookRequest)http.Items[ItemKey]!;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var webhook = await validator.ValidateAsync(http.Request, http.RequestAborted);
        if (webhook is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "签名无效 (Forbidden)", detail: "X-Twilio-Signature is missing or does not match this request.");
        }

        http.Items[ItemKey] = webhook;
        return await next(context);
    }
}
