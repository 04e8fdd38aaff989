using Hotline.Api.Auth;
using Hotline.Api.Webhooks;
using Hotline.Contracts.Telephony;
using Hotline.Core.Features.Callbacks.AnswerSurveyByKeypad;
using Hotline.Core.Features.Callbacks.AnswerSurveyBySms;
using Hotline.Core.Features.Callbacks.UpdateMessageStatus;
using Hotline.Core.Features.Calls;
using Hotline.Core.Features.Calls.AnswerCall;
using Hotline.Core.Features.Calls.ControlCall;
using Hotline.Core.Features.Calls.CallerRegistry;
using Hotline.Core.Features.Calls.GetAgentStates;
using Hotline.Core.Features.Calls.GetCallRecording;
using Hotline.Core.Features.Calls.GetMyPresence;
using Hotline.Core.Features.Calls.GetSoftphoneToken;
using Hotline.Core.Features.Calls.ListCalls;
using Hotline.Core.Features.Calls.MissedCalls;
using Hotline.Core.Features.Calls.ReceiveIncomingCall;
using Hotline.Core.Features.Calls.SetMyDevice;
using Hotline.Core.Features.Calls.SetMyPresence;
using Hotline.Core.Features.Calls.UpdateCallRecording;
using Hotline.Core.Features.Calls.UpdateCallStatus;
using Hotline.Core.Features.Calls.WaitInQueue;
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
        twilio.MapPost("/voice/hold", (TelephonyUrls urls) => Xml(new Twiml().Say(VoicePrompts.OnHold).Pause(20).Redirect(urls.Absolute(TelephonyUrls.VoiceHold)).ToString()))
            .WithSummary("What a caller on hold (保持) or waiting for the agent's phone hears, repeated: the conference's waitUrl and the participant's HoldUrl").Webhook();
        twilio.MapPost("/voice/leg", async (HttpContext http, IMediator m, CancellationToken ct) => Empty(await m.Send(new UpdateCallLeg(TwilioSignatureFilter.Webhook(http)), ct)))
            .WithSummary("Status callback of a phone dialled into a call's conference (?call=…&role=agent|unit|emergency): an agent's phone not answering puts the caller back in the queue").Webhook();
        twilio.MapPost("/voice/client", () => Xml(new Twiml().Say(VoicePrompts.SoftphoneNoDialling).Hangup().ToString()))
            .WithSummary("The TwiML App's Voice URL (browser softphone): a call placed from the browser itself is told that agents call back from the console, and hung up").Webhook();
        twilio.MapPost("/voice/wait", async (HttpContext http, IMediator m, CancellationToken ct) => Xml(await m.Send(new WaitInQueue(TwilioSignatureFilter.Webhook(http)), ct)))
            .WithSummary("The queue's wait URL: the caller's position (our order, with priority and seat groups) and expected wait in Mandarin, then a pause; Twilio asks again").Webhook();
        twilio.MapPost("/sms/incoming", async (HttpContext http, IMediator m, CancellationToken ct) => Xml(await m.Send(new AnswerSurveyBySms(TwilioSignatureFilter.Webhook(http)), ct)))
            .WithSummary("Incoming SMS: the answer to the sender's open callback survey").Webhook();
        twilio.MapPost("/sms/status", async (HttpContext http, IMediator m, CancellationToken ct) => Empty(await m.Send(new UpdateMessageStatus(TwilioSignatureFilter.Webhook(http)), ct)))
            .WithSummary("SMS status callback").Webhook();
        twilio.MapPost("/survey/answer", async (HttpContext http, IMediator m, CancellationToken ct) => Xml(await m.Send(new AnswerSurveyByKeypad(TwilioSignatureFilter.Webhook(http)), ct)))
            .WithSummary("A key pressed in the keypad survey call (?survey=…&step=satisfaction|solved&attempt=…)").Webhook();

        app.MapGet("/api/calls", (bool? active, IMediator m, CancellationToken ct) => m.Send(new ListCalls(active == true), ct))
            .WithTags("Calls").RequireAuthorization(Policies.Agent)
            .WithSummary("Calls to the hotline, latest first (active=true: ringing, queued or in progress), with the order registered from each");
        app.MapPost("/api/calls/answer", (IMediator m, CancellationToken ct) => m.Send(new AnswerCall(), ct))
            .WithTags("Calls").RequireAuthorization(Policies.Agent)
            .WithSummary("接听: the signed-in Available agent takes the caller at the front of the queue (priority, then wait) and is connected to the caller")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status502BadGateway);
        var control = app.MapGroup("/api/calls/{id:guid}").WithTags("Calls").RequireAuthorization(Policies.Agent);
        control.MapGet("", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetCall(id), ct))
            .WithSummary("One call with its transfers (转接记录) and the order registered from it").ProducesProblem(StatusCodes.Status404NotFound);
        control.MapPost("/hold", (Guid id, IMediator m, CancellationToken ct) => m.Send(new HoldCall(id, true), ct))
            .WithSummary("保持: the caller hears the hold message while the agent stays on the line (only the agent on the call)").CallControl();
        control.MapPost("/resume", (Guid id, IMediator m, CancellationToken ct) => m.Send(new HoldCall(id, false), ct))
            .WithSummary("取消保持: back to the conversation").CallControl();
        control.MapPost("/hangup", (Guid id, IMediator m, CancellationToken ct) => m.Send(new HangUpCall(id), ct))
            .WithSummary("挂断: end the call from the console; the agent goes into wrap-up").CallControl();
        control.MapPost("/transfer", (Guid id, TransferCallRequest body, IMediator m, CancellationToken ct) => m.Send(new TransferCall(id, body), ct))
            .WithSummary("转接: to another Available agent or a unit's duty phone (the agent leaves), or 三方转接 to 110/119/120/122 (the service joins the caller and the agent); recorded on the call and on the order registered from it")
            .ProducesValidationProblem().CallControl();
        app.MapGet("/api/calls/{id:guid}/recording", async (Guid id, HttpContext http, IMediator m, CancellationToken ct) =>
            {
                var audio = await m.Send(new GetCallRecording(id), ct);
                http.Response.Headers.XContentTypeOptions = "nosniff";
                return TypedResults.Stream(audio.Content, audio.ContentType, audio.FileName);
            })
            .WithTags("Calls").RequireAuthorization(Policies.Recordings)
            .WithSummary("The call's recording (audio/mpeg), read from Twilio with the account's credentials; every listen is audited (播放通话录音)")
            .Produces(StatusCodes.Status200OK, contentType: "audio/mpeg").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status502BadGateway);
        var missed = app.MapGroup("/api/calls/missed").WithTags("Calls").RequireAuthorization(Policies.Agent);
        app.MapGet("/api/calls/missed", (string? status, IMediator m, CancellationToken ct) => m.Send(new ListMissedCalls(status), ct))
            .WithTags("Calls").RequireAuthorization(Policies.Dispatcher)
            .WithSummary("漏接回拨: callback tasks of callers who hung up in the queue or called outside the staffed hours, one per number (status=open, the default: longest waiting first; done: the latest finished)")
            .ProducesValidationProblem();
        missed.MapPost("/{id:guid}/callback", (Guid id, IMediator m, CancellationToken ct) => m.Send(new CallBackMissedCall(id), ct))
            .WithSummary("回拨: ring the signed-in agent's phone and connect it to the missed caller (the local line connects at once); 409 while another agent calls back or the task is done")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status502BadGateway);
        missed.MapPost("/{id:guid}/outcome", (Guid id, RecordMissedCallOutcomeRequest body, IMediator m, CancellationToken ct) => m.Send(new RecordMissedCallOutcome(id, body.Outcome, body.Note), ct))
            .WithSummary("The callback's outcome (Reached, NoAnswer, WrongNumber) with a note, by the agent calling back; no answer keeps the task open until Calls:CallbackAttempts are used")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        MapCallerRegistry(app);
        var presence = app.MapGroup("/api/agents/me/presence").WithTags("Calls").RequireAuthorization(Policies.Agent);
        presence.MapGet("", (IMediator m, CancellationToken ct) => m.Send(new GetMyPresence(), ct))
            .WithSummary("The signed-in agent's presence (Available, Busy, Away, WrapUp; Away until set), with the wrap-up's end and the agent's phone");
        presence.MapPut("", (SetPresenceRequest body, IMediator m, CancellationToken ct) => m.Send(new SetMyPresence(body.Status), ct))
            .WithSummary("Set the signed-in agent's presence: only Available agents are rung; Available ends a wrap-up early; 409 while on a call")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        app.MapPut("/api/agents/me/device", (SetAgentDeviceRequest body, IMediator m, CancellationToken ct) => m.Send(new SetMyDevice(body.Phone, body.Connection), ct))
            .WithTags("Calls").RequireAuthorization(Policies.Agent)
            .WithSummary("Set the signed-in agent's desk or mobile phone that answered callers are bridged to (null or empty removes it) and, with connection (Phone or Browser), how the agent is connected (接听方式)").ProducesValidationProblem();
        app.MapGet("/api/agents/me/softphone-token", (IMediator m, CancellationToken ct) => m.Send(new GetSoftphoneToken(), ct))
            .WithTags("Calls").RequireAuthorization(Policies.Agent)
            .WithSummary("浏览器软电话: a Twilio access token (one hour) for the signed-in agent's client identity, for the Voice JavaScript SDK; 409 when the agent's 接听方式 is the phone, 503 without Twilio's API key and TwiML App")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/api/agents/states", (DateOnly? date, IMediator m, CancellationToken ct) => m.Send(new GetAgentStates(date), ct))
            .WithTags("Calls").RequireAuthorization(Policies.Supervisor)
            .WithSummary("Seconds in each state (Available, Busy, WrapUp, Away) per agent on one China-time day (default today, until now)").ProducesValidationProblem();
        return app;
    }

    private static RouteHandlerBuilder CallControl(this RouteHandlerBuilder endpoint) =>
        endpoint.ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status502BadGateway);
    /// <summary>优先来电人 (agents set and clear, admins import), 恶意来电 (supervisors and admins), 专席 (admins).</summary>
    private static void MapCallerRegistry(IEndpointRouteBuilder app)
    {
        var callers = app.MapGroup("/api/callers/{phone}").WithTags("Calls").RequireAuthorization(Policies.Agent);
        callers.MapGet("", (string phone, IMediator m, CancellationToken ct) => m.Send(new GetCallerInfo(phone), ct))
            .WithSummary("The caller panel: the number's priority entry (优先办) and active flag (恶意来电), either null").ProducesValidationProblem();
        callers.MapPut("/priority", (string phone, SetPriorityCallerRequest body, IMediator m, CancellationToken ct) => m.Send(new SetPriorityCaller(phone, body), ct))
            .WithSummary("Register the caller as served first (kind Elderly, Disabled, Other with a note); audited").ProducesValidationProblem();
        callers.MapDelete("/priority", async (string phone, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new ClearPriorityCaller(phone), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Clear the caller's priority; audited").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        var admin = app.MapGroup("/api/admin").WithTags("Calls");
        admin.MapGet("/priority-callers", (string? q, PriorityCallerKind? kind, IMediator m, CancellationToken ct) => m.Send(new ListPriorityCallers(q, kind), ct))
            .RequireAuthorization(Policies.CallerRegistry).WithSummary("优先来电人, newest first, up to 500 (q: part of the number; kind)");
        admin.MapPost("/priority-callers/import", ImportPriorityCallersAsync).RequireAuthorization(Policies.Admin)
            .WithSummary("Import 优先来电人: text/csv lines phone,kind,note or JSON Lines {phone,kind,note}; all or nothing (bad lines: 400 naming each), idempotent; audited")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        admin.MapGet("/flagged-callers", (IMediator m, CancellationToken ct) => m.Send(new ListFlaggedCallers(), ct))
            .RequireAuthorization(Policies.CallerRegistry).WithSummary("恶意来电: flagged numbers, active first");
        admin.MapPut("/flagged-callers/{phone}", (string phone, SaveFlaggedCallerRequest body, IMediator m, CancellationToken ct) => m.Send(new SaveFlaggedCaller(phone, body), ct))
            .RequireAuthorization(Policies.CallerRegistry)
            .WithSummary("Flag a number or change its flag: reason, policy Warn or Limit (dailyLimit calls a China-time day), expiresAt; audited").ProducesValidationProblem();
        admin.MapDelete("/flagged-callers/{phone}", async (string phone, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new RemoveFlaggedCaller(phone), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.CallerRegistry).WithSummary("Remove a number's flag; audited").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapGet("/seat-groups", (IMediator m, CancellationToken ct) => m.Send(new GetSeatGroups(), ct))
            .RequireAuthorization(Policies.Admin).WithSummary("专席: the configured seat groups (Calls:SeatGroups) and each agent's");
        admin.MapPut("/agents/{userId:guid}/seat-groups", (Guid userId, SetAgentSeatGroupsRequest body, IMediator m, CancellationToken ct) => m.Send(new SetAgentSeatGroups(userId, body), ct))
            .RequireAuthorization(Policies.Admin).WithSummary("Set an agent's seat groups (replaces them; empty: none); audited")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private const int MaxImportBytes = 4 * 1024 * 1024;

    private static async Task<IResult> ImportPriorityCallersAsync(HttpRequest request, IMediator m, CancellationToken ct)
    {
        var type = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        bool? jsonLines = type is "text/csv" or "text/plain" ? false : type is KnowledgeEndpoints.JsonLinesType or "application/jsonl" or "application/jsonlines" ? true : null;
        if (jsonLines is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "不支持的内容类型 (Unsupported media type)",
                detail: "请以 text/csv（每行 号码,类别,备注）或 application/x-ndjson（JSON Lines）提交。");
        }

        if (request.ContentLength > MaxImportBytes)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "文件过大 (Payload too large)", detail: "导入文件不能超过 4 MB。");
        }

        using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
        var text = await reader.ReadToEndAsync(ct);
        return TypedResults.Ok(await m.Send(new ImportPriorityCallers(text, jsonLines.Value), ct));
    }

    private static RouteHandlerBuilder Webhook(this RouteHandlerBuilder endpoint) =>
        endpoint.Produces<string>(StatusCodes.Status200OK, "text/xml").ProducesProblem(StatusCodes.Status403Forbidden);

    private static IResult Xml(string twiml) => Results.Text(twiml, Twiml.ContentType);

    private static IResult Empty(Unit _) => Results.Text(Twiml.Empty().ToString(), Twiml.ContentType);
}
