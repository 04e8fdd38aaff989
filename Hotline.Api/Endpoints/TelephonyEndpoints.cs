using Hotline.Api.Auth;
using Hotline.Api.Webhooks;
using Hotline.Contracts.Telephony;
using Hotline.Core.Features.Callbacks.AnswerSurveyByKeypad;
using Hotline.Core.Features.Callbacks.AnswerSurveyBySms;
using Hotline.Core.Features.Callbacks.UpdateMessageStatus;
using Hotline.Core.Features.Calls.GetMyPresence;
using Hotline.Core.Features.Calls.ListCalls;
using Hotline.Core.Features.Calls.ReceiveIncomingCall;
using Hotline.Core.Features.Calls.SetMyPresence;
using Hotline.Core.Features.Calls.UpdateCallRecording;
using Hotline.Core.Features.Calls.UpdateCallStatus;
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
