using Hotline.Api.Auth;
using Hotline.Contracts.Telephony;
using Hotline.Core.Features.Callbacks;
using Hotline.Core.Features.Telephony;
using Hotline.Core.Telephony;
using MediatR;

namespace Hotline.Api.Endpoints;

/// <summary>
/// Twilio's webhooks (signature checked by <see cref="TwilioSignatureFilter"/>: 403 when missing or wrong, and
/// nothing changes), the calls list and the agents' presence. See docs/telephony.md.
/// </summary>
public static class TelephonyEndpoints
{
    public static IEndpointRouteBuilder MapTelephonyEndpoints(this IEndpointRouteBuilder app)
    {
        var twilio = app.MapGroup("/twilio").WithTags("Twilio webhooks").AllowAnonymous()
            .AddEndpointFilter<TwilioSignatureFilter>();
        twilio.MapPost("/voice/incoming", async (HttpContext http, IMediator m, CancellationToken ct) => Xml(await m.Send(new ReceiveIncomingCall(TwilioSignatureFilter.Webhook(http)), ct)))
            .WithSummary("Incoming call: recorded (CallSid unique), greeted in Mandarin, queued, rung to available agents").Webhook();
        twilio.MapPost("/voice/status", async (HttpContext http, IMediator m, CancellationToken ct) => Empty(await m.Send(new UpdateCallStatus(TwilioSignatureFilter.Webhook(http)), ct)))
            .WithSummary("Call status callback (ordered by SequenceNumber; terminal states stay)").Webhook();
        twilio.MapPost("/voice/recording", async (HttpContext http, IMediator m, CancellationToken ct) => Empty(await m.Send(new UpdateCallRecording(TwilioSignatureFilter.Webhook(http)), ct)))
            .WithSummary("Recording status callback").Webhook();
        twilio.MapPost("/sms/incoming", async (HttpContext http, IMediator m, CancellationToken ct) => Xml(await m.Send(new AnswerSurveyBySms(TwilioSignatureFilter.Webhook(http)), ct)))
            .WithSummary("Incoming SMS: the answer to the sender's open callback survey").Webhook();
        twilio.MapPost("/sms/status", async (HttpContext http, IMediator m, CancellationToken ct) => Empty(await m.Send(new UpdateMessageStatus(TwilioSignatureFilter.Webhook(http)), ct)))
            .WithSummary("SMS status callback").Webhook();
        twilio.MapPost("/survey/answer", async (HttpContext http, IMediator m, CancellationToken ct) => Xml(await m.Send(new AnswerSurveyByKeypad(TwilioSignatureFilter.Webhook(http)), ct)))
            .WithSummary("A key pressed in the keypad survey call (?survey=…&step=satisfaction|solved&attempt=…)").Webhook();

        app.MapGet("/api/calls", (bool? active, IMediator m, CancellationToken ct) => m.Send(new ListCalls(active == true), ct))
            .WithTags("Calls").RequireAuthorization(Policies.Agent)
            .WithSummary("Calls to the hotline, latest first (active=true: ringing, queued or in progress), with the order registered from each");
        var presence = app.MapGroup("/api/agents/me/presence").WithTags("Calls").RequireAuthorization(Policies.Agent);
        presence.MapGet("", (IMediator m, CancellationToken ct) => m.Send(new GetMyPresence(), ct))
            .WithSummary("The signed-in agent's presence (Available, Busy, Away; Away until set)");
        presence.MapPut("", (SetPresenceRequest body, IMediator m, CancellationToken ct) => m.Send(new SetMyPresence(body.Status), ct))
            .WithSummary("Set the signed-in agent's presence: only Available agents are rung").ProducesValidationProblem();
        return app;
    }

    private static RouteHandlerBuilder Webhook(this RouteHandlerBuilder endpoint) =>
        endpoint.Produces<string>(StatusCodes.Status200OK, "text/xml").ProducesProblem(StatusCodes.Status403Forbidden);

    private static IResult Xml(string twiml) => Results.Text(twiml, Twiml.ContentType);

    private static IResult Empty(Unit _) => Results.Text(Twiml.Empty().ToString(), Twiml.ContentType);
}

/// <summary>Refuses (403) any webhook whose X-Twilio-Signature is missing or wrong, before anything reads or changes data.</summary>
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
