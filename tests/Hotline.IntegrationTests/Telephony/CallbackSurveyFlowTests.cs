using System.Net;
using System.Net.Http.Json;
using System.Text;
using Hotline.Contracts;
using Hotline.Contracts.Telephony;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Calls.ReceiveIncomingCall;
using Hotline.Core.Telephony;
using Hotline.Domain.Telephony;
using Hotline.IntegrationTests.Infrastructure;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Hotline.IntegrationTests.Telephony;

/// <summary>
/// The whole telephone path against a WireMock.Net fake of Twilio: a signed incoming call is listed and rung to
/// the available agents, an order registered from it is replied, the callback sweep sends one Chinese SMS survey,
/// and the citizen's signed answer closes the order or sends it back; unanswered surveys become a keypad call
/// and then a person's callback.
/// </summary>
public abstract class CallbackSurveyFlowTests(TwilioFixture fixture) : ApiTestBase(fixture)
{
    private readonly TwilioFixture _twilio = fixture;

    [Fact]
    public async Task IncomingCallThroughSmsAnswer_Should_CloseTheOrderSatisfiedAndSolved_When_TheCitizenReplies11()
    {
        var phone = NewPhone();
        await using var ringing = await _twilio.ListenForCallsAsync("agent");
        using var agent = await ClientAsync("agent");
        var presence = await (await agent.PutAsJsonAsync("/api/agents/me/presence", new SetPresenceRequest(AgentPresenceStatus.Available), Json.Options, Ct)).ReadAsync<AgentPresenceDto>();
        presence.Status.ShouldBe(AgentPresenceStatus.Available);

        // A signed incoming call: recorded, greeted in Mandarin, queued, rung. Twilio's retry changes nothing.
        var callSid = "CA" + Guid.NewGuid().ToString("N");
        var incoming = IncomingCall(callSid, phone);
        var answer = await _twilio.PostWebhookAsync("/twilio/voice/incoming", incoming);
        await answer.ShouldHaveStatusAsync(HttpStatusCode.OK);
        answer.Content.Headers.ContentType!.MediaType.ShouldBe("text/xml");
        var twiml = await answer.Content.ReadAsStringAsync(Ct);
        twiml.ShouldContain("<Say language=\"cmn-CN\"");
        twiml.ShouldContain($"<Enqueue waitUrl=\"{TwilioFixture.PublicBaseUrl}/twilio/voice/wait\">hotline</Enqueue>");
        var ring = await ringing.NextAsync(r => r.CallSid == callSid);
        ring.From.ShouldBe("+86" + phone);
        (await _twilio.PostWebhookAsync("/twilio/voice/incoming", incoming)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var active = await (await agent.GetAsync("/api/calls?active=true", Ct)).ReadAsync<List<CallDto>>();
        active.Count(c => c.CallSid == callSid).ShouldBe(1);
        (await CountAsync(db => db.Calls.CountAsync(c => c.CallSid == callSid, Ct))).ShouldBe(1);

        // The agent registers the order from the call; the unit replies.
        var ticket = await RegisterAsync(Citizen(phone) with { CallSid = callSid });
        (await (await agent.GetAsync("/api/calls?active=true", Ct)).ReadAsync<List<CallDto>>())
            .Single(c => c.CallSid == callSid).TicketId.ShouldBe(ticket.Id);
        await ReplyAsync(ticket.Id);

        // Before the delay: no SMS, and no person is asked to call either.
        await _twilio.SweepAsync();
        _twilio.Requests("Messages.json", "+86" + phone).ShouldBeEmpty();
        (await DueCallbacksAsync()).ShouldNotContain(t => t.Id == ticket.Id);

        // After the delay: exactly one SMS, even when the sweep runs twice (and twice at once).
        _twilio.Clock.Advance(TimeSpan.FromMinutes(61));
        await Task.WhenAll(_twilio.SweepAsync(), _twilio.SweepAsync());
        await _twilio.SweepAsync();
        var sms = _twilio.Requests("Messages.json", "+86" + phone).ShouldHaveSingleItem();
        sms.Authorization.ShouldBe("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TwilioFixture.AccountSid}:{TwilioFixture.AuthToken}")));
        sms.Form["From"].ShouldBe(TwilioFixture.FromNumber);
        sms.Form["Body"]!.ShouldContain("1满意 2基本满意 3不满意");
        sms.Form["Body"]!.ShouldContain(ticket.Number);
        sms.Form["StatusCallback"].ShouldBe(TwilioFixture.PublicBaseUrl + "/twilio/sms/status");

        // The citizen answers 11: closed, satisfied and solved, through the callback command.
        var reply = Sms(phone, "11");
        var thanks = await _twilio.PostWebhookAsync("/twilio/sms/incoming", reply);
        (await thanks.Content.ReadAsStringAsync(Ct)).ShouldContain("<Message>感谢");
        var closed = await TicketAsync(ticket.Id);
        closed.ShouldSatisfyAllConditions(
            t => t.Status.ShouldBe(TicketStatus.Closed),
            t => t.CloseReason.ShouldBe(CloseReason.CallbackDone),
            t => t.Callback.Outcome.ShouldBe(CallbackOutcome.Satisfied),
            t => t.Callback.Solved.ShouldBe(true),
            t => t.Timeline.Last().ActorUserName.ShouldBe("callback-survey"));

        // The same delivery again changes nothing and says nothing.
        var again = await _twilio.PostWebhookAsync("/twilio/sms/incoming", reply);
        (await again.Content.ReadAsStringAsync(Ct)).ShouldNotContain("<Message>");
        (await TicketAsync(ticket.Id)).Version.ShouldBe(closed.Version);
    }

    [Fact]
    public async Task SmsAnswer_Should_SendTheOrderBackForRework_When_TheCitizenReplies31()
    {
        var phone = NewPhone();
        var ticket = await RepliedWithSmsSentAsync(phone);

        await _twilio.PostWebhookAsync("/twilio/sms/incoming", Sms(phone, "3 1"));

        var reworked = await TicketAsync(ticket.Id);
        reworked.Status.ShouldBe(TicketStatus.Dispatched);
        reworked.ReworkCount.ShouldBe(1);
        reworked.Callback.Outcome.ShouldBe(CallbackOutcome.Dissatisfied);
    }

    [Fact]
    public async Task SmsAnswer_Should_AskTheSecondQuestion_When_TheCitizenSendsOneFullWidthDigit()
    {
        var phone = NewPhone();
        var ticket = await RepliedWithSmsSentAsync(phone);

        var followUp = await _twilio.PostWebhookAsync("/twilio/sms/incoming", Sms(phone, "２"));
        (await followUp.Content.ReadAsStringAsync(Ct)).ShouldContain("1 问题已解决");
        (await TicketAsync(ticket.Id)).Status.ShouldBe(TicketStatus.Replied);

        await _twilio.PostWebhookAsync("/twilio/sms/incoming", Sms(phone, "2"));

        var reworked = await TicketAsync(ticket.Id);
        reworked.Callback.Outcome.ShouldBe(CallbackOutcome.BasicallySatisfied);
        reworked.Callback.Solved.ShouldBe(false);
        reworked.Status.ShouldBe(TicketStatus.Dispatched, "unsolved goes back for rework");
    }

    [Fact]
    public async Task Sweep_Should_CallWithAKeypadSurveyAndThenHandToAPerson_When_NobodyAnswers()
    {
        var phone = NewPhone();
        var ticket = await RepliedWithSmsSentAsync(phone);

        _twilio.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        await _twilio.SweepAsync();
        await _twilio.SweepAsync();

        var call = _twilio.Requests("Calls.json", "+86" + phone).ShouldHaveSingleItem();
        call.Form["Twiml"]!.ShouldContain("<Gather input=\"dtmf\"");
        call.Form["Twiml"]!.ShouldContain(TwilioFixture.PublicBaseUrl + "/twilio/survey/answer?survey=");
        call.Form["Twiml"]!.ShouldContain("满意请按1");
        call.Form["StatusCallback"].ShouldBe(TwilioFixture.PublicBaseUrl + "/twilio/voice/status");
        (await DueCallbacksAsync()).ShouldNotContain(t => t.Id == ticket.Id);

        _twilio.Clock.Advance(TimeSpan.FromMinutes(16));
        await _twilio.SweepAsync();

        (await DueCallbacksAsync()).ShouldContain(t => t.Id == ticket.Id);
        _twilio.Requests("Messages.json", "+86" + phone).Count.ShouldBe(1);
        _twilio.Requests("Calls.json", "+86" + phone).Count.ShouldBe(1);
    }

    [Fact]
    public async Task StatusCallbacks_Should_HandTheSurveyToAPerson_When_TheSurveyCallIsNotAnswered()
    {
        var phone = NewPhone();
        var ticket = await RepliedWithSmsSentAsync(phone);
        _twilio.Clock.Advance(TimeSpan.FromHours(25));
        await _twilio.SweepAsync();
        var smsSid = await CountAsync(db => db.SurveyMessages.Where(m => m.Phone == "+86" + phone && m.Purpose == "survey-sms").Select(m => m.Sid).SingleAsync(Ct));
        var callSid = await CountAsync(db => db.SurveyMessages.Where(m => m.Phone == "+86" + phone && m.Purpose == "survey-call").Select(m => m.Sid).SingleAsync(Ct));

        await _twilio.PostWebhookAsync("/twilio/sms/status", [new("MessageSid", smsSid!), new("MessageStatus", "delivered")]);
        await _twilio.PostWebhookAsync("/twilio/sms/status", [new("MessageSid", smsSid!), new("MessageStatus", "sent")]);
        (await _twilio.PostWebhookAsync("/twilio/voice/status", Status(callSid!, "no-answer", 3))).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await CountAsync(db => db.SurveyMessages.Where(m => m.Sid == smsSid).Select(m => m.Status).SingleAsync(Ct))).ShouldBe("delivered", "a terminal status stays");
        (await DueCallbacksAsync()).ShouldContain(t => t.Id == ticket.Id, "the survey call was not answered: a person calls back");
    }

    [Fact]
    public async Task SmsAnswer_Should_StillCloseTheOrder_When_ItArrivesAfterTheSurveyWentToAPerson()
    {
        var phone = NewPhone();
        var ticket = await RepliedWithSmsSentAsync(phone);
        _twilio.Clock.Advance(TimeSpan.FromHours(25));
        await _twilio.SweepAsync();
        _twilio.Clock.Advance(TimeSpan.FromMinutes(16));
        await _twilio.SweepAsync();
        (await DueCallbacksAsync()).ShouldContain(t => t.Id == ticket.Id);

        await _twilio.PostWebhookAsync("/twilio/sms/incoming", Sms(phone, "1"));
        (await DueCallbacksAsync()).ShouldContain(t => t.Id == ticket.Id, "half an answer keeps the order with the person");
        _twilio.Clock.Advance(TimeSpan.FromHours(2));
        await _twilio.SweepAsync();
        await _twilio.PostWebhookAsync("/twilio/sms/incoming", Sms(phone, "1"));

        (await TicketAsync(ticket.Id)).Status.ShouldBe(TicketStatus.Closed);
        _twilio.Requests("Calls.json", "+86" + phone).Count.ShouldBe(1, "no second survey call");
    }

    [Fact]
    public async Task KeypadAnswer_Should_CloseTheOrder_When_TheCitizenPresses2Then1()
    {
        var phone = NewPhone();
        var ticket = await RepliedWithSmsSentAsync(phone);
        _twilio.Clock.Advance(TimeSpan.FromHours(25));
        await _twilio.SweepAsync();
        var twiml = _twilio.Requests("Calls.json", "+86" + phone).ShouldHaveSingleItem().Form["Twiml"]!;
        var action = System.Net.WebUtility.HtmlDecode(twiml.Split("action=\"")[1].Split('"')[0]);
        var pathAndQuery = action[TwilioFixture.PublicBaseUrl.Length..];

        var second = await _twilio.PostWebhookAsync(pathAndQuery, Keys("2"));
        var secondTwiml = await second.Content.ReadAsStringAsync(Ct);
        secondTwiml.ShouldContain("已解决请按1");
        var solvedPath = System.Net.WebUtility.HtmlDecode(secondTwiml.Split("action=\"")[1].Split('"')[0])[TwilioFixture.PublicBaseUrl.Length..];
        var last = await _twilio.PostWebhookAsync(solvedPath, Keys("1"));
        (await last.Content.ReadAsStringAsync(Ct)).ShouldContain("<Hangup />");

        var closed = await TicketAsync(ticket.Id);
        closed.Status.ShouldBe(TicketStatus.Closed);
        closed.Callback.Outcome.ShouldBe(CallbackOutcome.BasicallySatisfied);
        closed.Callback.Solved.ShouldBe(true);
    }

    [Fact]
    public async Task Sms_Should_BeAnsweredWithHowToSubmitADemandAndStoredNowhere_When_NoSurveyIsOpenForTheSender()
    {
        var phone = NewPhone();

        var answer = await _twilio.PostWebhookAsync("/twilio/sms/incoming", Sms(phone, "我家楼下路灯坏了"));

        await answer.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var twiml = await answer.Content.ReadAsStringAsync(Ct);
        twiml.ShouldContain("<Message>【12345热线】本号码暂不受理短信诉求");
        twiml.ShouldContain("拨打12345热线");
        twiml.ShouldContain(TwilioFixture.PublicBaseUrl + "/citizen/");
        (await CountAsync(db => db.SurveyMessages.CountAsync(m => m.Phone == phone || m.Phone == "+86" + phone, Ct))).ShouldBe(0);
        (await CountAsync(db => db.Tickets.CountAsync(t => t.Citizen.Phone == phone, Ct))).ShouldBe(0, "no SMS intake");

        var service = Sms(phone, "x").Select(p => p.Key == "From" ? new KeyValuePair<string, string>("From", "+8610086") : p).ToList();
        (await (await _twilio.PostWebhookAsync("/twilio/sms/incoming", service)).Content.ReadAsStringAsync(Ct)).ShouldNotContain("<Message>", Case.Sensitive, "a service number is never auto-answered (no reply loops)");
        var abroad = Sms(phone, "x").Select(p => p.Key == "From" ? new KeyValuePair<string, string>("From", "+14155550100") : p).ToList();
        (await (await _twilio.PostWebhookAsync("/twilio/sms/incoming", abroad)).Content.ReadAsStringAsync(Ct)).ShouldNotContain("<Message>");
    }

    [Fact]
    public async Task RepliedOrder_Should_WaitForAPersonAtOnce_When_TheCitizenLeftNoPhone()
    {
        var ticket = await RegisterAsync(NewTicket() with { Citizen = new CitizenDto(null, null, false) });
        await ReplyAsync(ticket.Id);
        await _twilio.SweepAsync();

        (await DueCallbacksAsync()).ShouldContain(t => t.Id == ticket.Id);
    }

    [Fact]
    public async Task Webhooks_Should_Answer403AndChangeNothing_When_UnsignedOrForged()
    {
        var phone = NewPhone();
        var ticket = await RepliedWithSmsSentAsync(phone);
        var callSid = "CA" + Guid.NewGuid().ToString("N");

        (await _twilio.PostWebhookAsync("/twilio/voice/incoming", IncomingCall(callSid, phone), signature: null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _twilio.PostWebhookAsync("/twilio/voice/incoming", IncomingCall(callSid, phone), token: "not-the-token")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _twilio.PostWebhookAsync("/twilio/voice/incoming", IncomingCall(callSid, phone), baseUrl: "https://attacker.example")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var forged = await _twilio.PostWebhookAsync("/twilio/sms/incoming", Sms(phone, "11"), signature: TwilioSignatureOf(Sms(phone, "31")));
        await forged.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        foreach (var path in new[] { "/twilio/voice/status", "/twilio/voice/recording", "/twilio/sms/status", "/twilio/survey/answer?survey=x&step=solved" })
        {
            (await _twilio.PostWebhookAsync(path, [new("CallSid", callSid)], signature: null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, path);
        }

        (await CountAsync(db => db.Calls.CountAsync(c => c.CallSid == callSid, Ct))).ShouldBe(0);
        (await TicketAsync(ticket.Id)).Status.ShouldBe(TicketStatus.Replied);
    }

    [Fact]
    public async Task StatusCallbacks_Should_KeepTheTerminalStatus_When_TheyArriveOutOfOrder()
    {
        var phone = NewPhone();
        var callSid = "CA" + Guid.NewGuid().ToString("N");
        await _twilio.PostWebhookAsync("/twilio/voice/incoming", IncomingCall(callSid, phone));

        await _twilio.PostWebhookAsync("/twilio/voice/status", Status(callSid, "completed", 3, duration: "42"));
        await _twilio.PostWebhookAsync("/twilio/voice/status", Status(callSid, "in-progress", 2));
        await _twilio.PostWebhookAsync("/twilio/voice/recording", [new("CallSid", callSid), new("RecordingSid", "RE1" + callSid[3..]), new("RecordingUrl", "https://api.twilio.com/rec/RE1"), new("RecordingStatus", "completed"), new("RecordingDuration", "40")]);

        using var agent = await ClientAsync("agent");
        var calls = await (await agent.GetAsync("/api/calls", Ct)).ReadAsync<List<CallDto>>();
        var call = calls.Single(c => c.CallSid == callSid);
        call.Status.ShouldBe("completed");
        call.DurationSeconds.ShouldBe(42);
        call.RecordingUrl.ShouldBe("https://api.twilio.com/rec/RE1");
        (await (await agent.GetAsync("/api/calls?active=true", Ct)).ReadAsync<List<CallDto>>()).ShouldNotContain(c => c.CallSid == callSid);
    }

    [Fact]
    public async Task IncomingCall_Should_NotRingAnAgent_When_TheAgentIsAway()
    {
        await using var ringing = await _twilio.ListenForCallsAsync("agent2");
        using var agent2 = await ClientAsync("agent2");
        await (await agent2.PutAsJsonAsync("/api/agents/me/presence", new SetPresenceRequest(AgentPresenceStatus.Away), Json.Options, Ct)).ReadAsync<AgentPresenceDto>();
        await using var other = await _twilio.ListenForCallsAsync("agent");
        using var agent = await ClientAsync("agent");
        await (await agent.PutAsJsonAsync("/api/agents/me/presence", new SetPresenceRequest(AgentPresenceStatus.Available), Json.Options, Ct)).ReadAsync<AgentPresenceDto>();

        var callSid = "CA" + Guid.NewGuid().ToString("N");
        await _twilio.PostWebhookAsync("/twilio/voice/incoming", IncomingCall(callSid, NewPhone()));

        await other.NextAsync(r => r.CallSid == callSid);
        ringing.TryRead(out _).ShouldBeFalse("an away agent is not rung");
        (await (await agent2.GetAsync("/api/agents/me/presence", Ct)).ReadAsync<AgentPresenceDto>()).Status.ShouldBe(AgentPresenceStatus.Away);
        (await agent2.PutAsJsonAsync("/api/agents/me/presence", new { status = "Sleeping" }, Json.Options, Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task IncomingCall_Should_RingNobody_When_ItsSaveFails()
    {
        await using var ringing = await _twilio.ListenForCallsAsync("agent");
        using var agent = await ClientAsync("agent");
        await (await agent.PutAsJsonAsync("/api/agents/me/presence", new SetPresenceRequest(AgentPresenceStatus.Available), Json.Options, Ct)).ReadAsync<AgentPresenceDto>();
        var recorded = "CA" + Guid.NewGuid().ToString("N");
        await _twilio.PostWebhookAsync("/twilio/voice/incoming", IncomingCall(recorded, NewPhone()));
        var failed = "CA" + Guid.NewGuid().ToString("N");

        await using (var scope = _twilio.Factory.Services.CreateAsyncScope())
        {
            // A second row under a CallSid already recorded rides along in the same save: the unique index refuses it.
            var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
            db.Calls.Add(Call.Incoming(recorded, "+8613900000000", null, "ringing", DateTimeOffset.UtcNow));
            var twiml = await scope.ServiceProvider.GetRequiredService<IMediator>()
                .Send(new ReceiveIncomingCall(new WebhookRequest(IncomingCall(failed, NewPhone()).ToDictionary(), new Dictionary<string, string>())), Ct);
            twiml.ShouldContain("<Enqueue");
        }

        var control = "CA" + Guid.NewGuid().ToString("N");
        await _twilio.PostWebhookAsync("/twilio/voice/incoming", IncomingCall(control, NewPhone()));
        var rung = new List<string>();
        await ringing.NextAsync(r =>
        {
            rung.Add(r.CallSid);
            return r.CallSid == control;
        });

        rung.ShouldNotContain(failed, "a call whose save failed is not rung");
        (await CountAsync(db => db.Calls.CountAsync(c => c.CallSid == failed, Ct))).ShouldBe(0);
    }

    private async Task<TicketDto> RepliedWithSmsSentAsync(string phone)
    {
        var ticket = await RegisterAsync(Citizen(phone));
        await ReplyAsync(ticket.Id);
        _twilio.Clock.Advance(TimeSpan.FromMinutes(61));
        await _twilio.SweepAsync();
        _twilio.Requests("Messages.json", "+86" + phone).ShouldHaveSingleItem();
        return ticket;
    }

    private async Task ReplyAsync(Guid id)
    {
        using var agent = await ClientAsync("agent");
        await (await agent.PostAsJsonAsync($"/api/tickets/{id}/dispatch", new { }, Json.Options, Ct)).ReadAsync<TicketDto>();
        await AcceptAsync(id, "water");
        using var water = await ClientAsync("water");
        await (await water.PostAsJsonAsync($"/api/tickets/{id}/contact", new NoteRequest("已电话联系", null), Json.Options, Ct)).ReadAsync<TicketDto>();
        var replied = await (await water.PostAsJsonAsync($"/api/tickets/{id}/reply", new ReplyRequest(true, "已恢复供水", null), Json.Options, Ct)).ReadAsync<TicketDto>();
        replied.Status.ShouldBe(TicketStatus.Replied);

        // A complaint's reply passes 办结审核 first; its survey is scheduled on the approval.
        (await ApproveReviewIfPendingAsync(replied)).Review!.Status.ShouldNotBe(ReviewStatus.Pending);
    }

    private async Task<T> CountAsync<T>(Func<HotlineDbContext, Task<T>> query)
    {
        await using var scope = _twilio.Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<HotlineDbContext>());
    }

    private static RegisterTicketRequest Citizen(string phone) => NewTicket() with { Citizen = new CitizenDto("测试市民", phone, false) };

    private static string NewPhone() => "139" + Random.Shared.NextInt64(10_000_000, 99_999_999);

    private static List<KeyValuePair<string, string>> IncomingCall(string callSid, string phone) =>
    [
        new("AccountSid", TwilioFixture.AccountSid), new("CallSid", callSid), new("From", "+86" + phone), new("Caller", "+86" + phone),
        new("To", TwilioFixture.FromNumber), new("Called", TwilioFixture.FromNumber), new("CallStatus", "ringing"), new("Direction", "inbound"),
        new("FromCity", "北京"),
    ];

    private static List<KeyValuePair<string, string>> Sms(string phone, string body) =>
    [
        new("AccountSid", TwilioFixture.AccountSid), new("MessageSid", "SM" + Guid.NewGuid().ToString("N")), new("From", "+86" + phone),
        new("To", TwilioFixture.FromNumber), new("Body", body), new("NumMedia", "0"),
    ];

    private static List<KeyValuePair<string, string>> Status(string callSid, string status, int sequence, string? duration = null)
    {
        var form = new List<KeyValuePair<string, string>> { new("CallSid", callSid), new("CallStatus", status), new("SequenceNumber", sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        if (duration is not null)
        {
            form.Add(new("CallDuration", duration));
        }

        return form;
    }

    private static List<KeyValuePair<string, string>> Keys(string digits) =>
        [new("CallSid", "CA" + Guid.NewGuid().ToString("N")), new("Digits", digits), new("AccountSid", TwilioFixture.AccountSid)];

    private static string TwilioSignatureOf(List<KeyValuePair<string, string>> form) =>
        Hotline.Core.Telephony.TwilioSignature.Compute(TwilioFixture.AuthToken, TwilioFixture.PublicBaseUrl + "/twilio/sms/incoming", form);

    public sealed class OnSqlite(SqliteTwilioFixture fixture) : CallbackSurveyFlowTests(fixture), IClassFixture<SqliteTwilioFixture>;

    public sealed class OnPostgreSql(PostgresTwilioFixture fixture) : CallbackSurveyFlowTests(fixture), IClassFixture<PostgresTwilioFixture>;
}
