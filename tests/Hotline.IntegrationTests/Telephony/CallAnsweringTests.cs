using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Web;
using Hotline.Contracts;
using Hotline.Contracts.Telephony;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Domain.Telephony;
using Hotline.Domain.Tickets;
using Hotline.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using static Hotline.IntegrationTests.Telephony.CallForms;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock;

namespace Hotline.IntegrationTests.Telephony;

/// <summary>
/// 接听 against the WireMock fake of Twilio: an Available agent takes the front caller of the queue, Twilio is asked
/// to redirect the caller's live call to the agent's phone, the end of the call starts the wrap-up and its end makes
/// the agent available again; two agents answering at once, an empty queue, Twilio refusing or not answering.
/// </summary>
public abstract class CallAnsweringTests(CallCentreFixture fixture) : CallCentreTestBase(fixture)
{

    [Fact]
    public async Task Answer_Should_BridgeTheCallerToTheAgentsPhone_Then_WrapUpThenAvailable_When_TheCallEnds()
    {
        await ResetAsync();
        using var agent = await ClientAsync("agent");
        using var supervisor = await ClientAsync("supervisor");
        var device = await (await agent.PutAsJsonAsync("/api/agents/me/device", new SetAgentDeviceRequest("+86 139-0000-1111"), Json.Options, Ct)).ReadAsync<AgentPresenceDto>();
        device.DevicePhone.ShouldBe("13900001111");
        await SetPresenceAsync(agent, AgentPresenceStatus.Available);
        var before = await StatesAsync(supervisor, "agent");

        var (callSid, _) = await IncomingAsync();
        _twilio.Clock.Advance(TimeSpan.FromSeconds(10));
        var answered = await (await agent.PostAsync("/api/calls/answer", null, Ct)).ReadAsync<AnswerCallResponse>();

        answered.Bridge.ShouldBe(CallBridge.Requested);
        answered.Call.CallSid.ShouldBe(callSid);
        answered.Call.AgentAnsweredAt!.Value.ShouldBe(_twilio.Clock.GetUtcNow(), TimeSpan.FromMilliseconds(1));
        var redirect = _twilio.Redirects(callSid).ShouldHaveSingleItem();
        redirect.Authorization.ShouldBe("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TwilioFixture.AccountSid}:{TwilioFixture.AuthToken}")));
        // The agent's phone is dialled into the caller's own conference, then the caller is moved into it.
        var conference = $"hotline-{answered.Call.Id:N}";
        var leg = _twilio.Participants(answered.Call.Id).ShouldHaveSingleItem();
        leg.Form["To"].ShouldBe("+8613900001111");
        leg.Form["From"].ShouldBe(TwilioFixture.FromNumber);
        leg.Form["EndConferenceOnExit"].ShouldBe("true");
        leg.Form["StatusCallback"].ShouldBe($"{TwilioFixture.PublicBaseUrl}/twilio/voice/leg?call={answered.Call.Id:N}&role=agent");
        leg.At.ShouldBeLessThanOrEqualTo(redirect.At);
        redirect.Form["Twiml"].ShouldBe(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Dial><Conference beep=\"false\" startConferenceOnEnter=\"false\" endConferenceOnExit=\"true\" "
            + $"waitUrl=\"{TwilioFixture.PublicBaseUrl}/twilio/voice/hold\" waitMethod=\"POST\">{conference}</Conference></Dial></Response>");
        answered.Call.CurrentAgentId.ShouldBe(answered.Call.AgentId);
        (await PresenceAsync(agent)).Status.ShouldBe(AgentPresenceStatus.Busy);
        var listed = (await (await agent.GetAsync("/api/calls?active=true", Ct)).ReadAsync<List<CallDto>>()).Single(c => c.CallSid == callSid);
        listed.AgentId.ShouldBe(answered.Call.AgentId);
        listed.AgentAnsweredAt.ShouldNotBeNull();

        // On the call: no second caller, no other state.
        (await (await agent.PostAsync("/api/calls/answer", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString().ShouldBe("您正在通话中，结束当前通话后才能接听下一个来电。");
        await (await agent.PutAsJsonAsync("/api/agents/me/presence", new SetPresenceRequest(AgentPresenceStatus.Available), Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        // Twilio reports the end: wrap-up for Calls:WrapUpTime, then available again by itself.
        _twilio.Clock.Advance(TimeSpan.FromSeconds(40));
        await (await _twilio.PostWebhookAsync("/twilio/voice/status", Status(callSid, "completed", 5, "50"))).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var wrapUp = await PresenceAsync(agent);
        wrapUp.Status.ShouldBe(AgentPresenceStatus.WrapUp);
        wrapUp.WrapUpEndsAt!.Value.ShouldBe(_twilio.Clock.GetUtcNow() + TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(1));
        (await (await agent.PostAsync("/api/calls/answer", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("话后处理");
        _twilio.Clock.Advance(TimeSpan.FromSeconds(31));
        (await PresenceAsync(agent)).Status.ShouldBe(AgentPresenceStatus.Available);

        // The supervisor's time in each state: 10 s available before, 40 s on the call, 30 s wrap-up, 1 s available after.
        var after = await StatesAsync(supervisor, "agent");
        (after.AvailableSeconds - before.AvailableSeconds).ShouldBe(11);
        (after.BusySeconds - before.BusySeconds).ShouldBe(40);
        (after.WrapUpSeconds - before.WrapUpSeconds).ShouldBe(30);
        (after.AwaySeconds - before.AwaySeconds).ShouldBe(0);
    }

    [Fact]
    public async Task WrapUp_Should_EndEarly_When_TheAgentSetsAvailable()
    {
        await ResetAsync();
        using var agent = await ClientAsync("agent");
        await SetDeviceAsync(agent);
        await SetPresenceAsync(agent, AgentPresenceStatus.Available);
        var (callSid, _) = await IncomingAsync();
        await (await agent.PostAsync("/api/calls/answer", null, Ct)).ReadAsync<AnswerCallResponse>();
        await _twilio.PostWebhookAsync("/twilio/voice/status", Status(callSid, "completed", 3));
        (await PresenceAsync(agent)).Status.ShouldBe(AgentPresenceStatus.WrapUp);

        await SetPresenceAsync(agent, AgentPresenceStatus.Available);

        var next = await IncomingAsync();
        (await (await agent.PostAsync("/api/calls/answer", null, Ct)).ReadAsync<AnswerCallResponse>()).Call.CallSid.ShouldBe(next.CallSid);
    }

    [Fact]
    public async Task Answer_Should_GiveTheCallerToExactlyOneAgent_When_TwoAgentsAnswerAtOnce()
    {
        await ResetAsync();
        using var agent = await ClientAsync("agent");
        using var agent2 = await ClientAsync("agent2");
        await SetDeviceAsync(agent);
        await SetDeviceAsync(agent2);
        for (var round = 0; round < 3; round++)
        {
            await ResetAsync();
            await SetPresenceAsync(agent, AgentPresenceStatus.Available);
            await SetPresenceAsync(agent2, AgentPresenceStatus.Available);
            var (callSid, _) = await IncomingAsync();

            var responses = await Task.WhenAll(agent.PostAsync("/api/calls/answer", null, Ct), agent2.PostAsync("/api/calls/answer", null, Ct));

            responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
            var loser = responses.Single(r => r.StatusCode != HttpStatusCode.OK);
            (await loser.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("没有等待接听的来电");
            var winner = responses[0].StatusCode == HttpStatusCode.OK ? agent : agent2;
            var other = winner == agent ? agent2 : agent;
            (await PresenceAsync(winner)).Status.ShouldBe(AgentPresenceStatus.Busy);
            (await PresenceAsync(other)).Status.ShouldBe(AgentPresenceStatus.Available, "the loser's claim is rolled back");
            _twilio.Redirects(callSid).Count.ShouldBe(1);
            (await QueryAsync(db => db.Calls.Where(c => c.CallSid == callSid).Select(c => c.AgentId).SingleAsync(Ct))).ShouldNotBeNull();
        }
    }

    [Fact]
    public async Task Answer_Should_Answer409AndChangeNothing_When_TheQueueIsEmptyOrTheAgentIsNotAvailable()
    {
        await ResetAsync();
        using var agent = await ClientAsync("agent");
        await SetDeviceAsync(agent);
        await SetPresenceAsync(agent, AgentPresenceStatus.Available);

        var empty = await (await agent.PostAsync("/api/calls/answer", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        empty.GetProperty("detail").GetString().ShouldBe("当前没有等待接听的来电（可能已被其他话务员接听）。");
        (await PresenceAsync(agent)).Status.ShouldBe(AgentPresenceStatus.Available);

        var (callSid, _) = await IncomingAsync();
        await SetPresenceAsync(agent, AgentPresenceStatus.Away);
        (await (await agent.PostAsync("/api/calls/answer", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .GetProperty("detail").GetString()!.ShouldContain("空闲");
        (await QueryAsync(db => db.Calls.SingleAsync(c => c.CallSid == callSid, Ct))).AgentId.ShouldBeNull();

        await SetPresenceAsync(agent, AgentPresenceStatus.Available);
        await (await agent.PutAsJsonAsync("/api/agents/me/device", new SetAgentDeviceRequest(null), Json.Options, Ct)).ReadAsync<AgentPresenceDto>();
        (await (await agent.PostAsync("/api/calls/answer", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .GetProperty("detail").GetString()!.ShouldContain("接听电话");
        _twilio.Redirects(callSid).ShouldBeEmpty();

        await (await agent.PutAsJsonAsync("/api/agents/me/device", new SetAgentDeviceRequest("12"), Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Answer_Should_TakeAnOverdueOrdersCallerFirst_Then_TheLongestWaiting()
    {
        await ResetAsync();
        using var agent = await ClientAsync("agent");
        await SetDeviceAsync(agent);
        var overduePhone = NewPhone();
        var ticket = await RegisterAndDispatchAsync(NewTicket() with { Citizen = new CitizenDto("测试市民", overduePhone, false) });
        await QueryAsync(async db =>
        {
            // Its running deadline has passed (moving the clock days ahead would make the whole demo city overdue).
            var tracked = await db.Tickets.SingleAsync(t => t.Id == ticket.Id, Ct);
            db.Entry(tracked).Reference(t => t.Clocks).TargetEntry!.Property(nameof(TicketClocks.NextDueAt)).CurrentValue = _twilio.Clock.GetUtcNow().AddMinutes(-1);
            return await db.SaveChangesAsync(Ct);
        });

        var first = await IncomingAsync();
        _twilio.Clock.Advance(TimeSpan.FromSeconds(5));
        var second = await IncomingAsync();
        _twilio.Clock.Advance(TimeSpan.FromSeconds(5));
        var priority = await IncomingAsync(overduePhone);

        var order = new List<string>();
        foreach (var _ in new[] { first, second, priority })
        {
            await SetPresenceAsync(agent, AgentPresenceStatus.Available);
            var answered = await (await agent.PostAsync("/api/calls/answer", null, Ct)).ReadAsync<AnswerCallResponse>();
            order.Add(answered.Call.CallSid);
            if (answered.Call.CallSid == priority.CallSid)
            {
                answered.Call.PriorityReason.ShouldBe(CallPriority.OverdueOrder);
            }

            await _twilio.PostWebhookAsync("/twilio/voice/status", Status(answered.Call.CallSid, "completed", 3));
        }

        order.ShouldBe([priority.CallSid, first.CallSid, second.CallSid]);
    }

    [Fact]
    public async Task Answer_Should_PutTheCallerBackAndAnswer502_When_TwilioRefusesTheRedirect()
    {
        await ResetAsync();
        using var agent = await ClientAsync("agent");
        await SetDeviceAsync(agent);
        await SetPresenceAsync(agent, AgentPresenceStatus.Available);
        var (callSid, _) = await IncomingAsync(redirect: Response.Create().WithStatusCode(HttpStatusCode.BadRequest).WithHeader("Content-Type", "application/json")
            .WithBody("{\"code\":21220,\"message\":\"Call is not in-progress. Cannot redirect.\",\"more_info\":\"https://www.twilio.com/docs/errors/21220\",\"status\":400}"));

        var refused = await (await agent.PostAsync("/api/calls/answer", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadGateway);

        refused.GetProperty("detail").GetString()!.ShouldContain("21220");
        (await PresenceAsync(agent)).Status.ShouldBe(AgentPresenceStatus.Available);
        var call = await QueryAsync(db => db.Calls.SingleAsync(c => c.CallSid == callSid, Ct));
        call.AgentId.ShouldBeNull();
        call.AgentAnsweredAt.ShouldBeNull();
        call.IsWaiting.ShouldBeTrue();
    }

    [Fact]
    public async Task Answer_Should_KeepTheClaimAndSaySo_When_TwilioBreaksTheConnection()
    {
        await ResetAsync();
        using var agent = await ClientAsync("agent");
        await SetDeviceAsync(agent);
        await SetPresenceAsync(agent, AgentPresenceStatus.Available);
        // A broken connection, like a timeout, may have been processed by Twilio.
        var (callSid, _) = await IncomingAsync(redirect: Response.Create().WithFault(FaultType.MALFORMED_RESPONSE_CHUNK));

        var answered = await (await agent.PostAsync("/api/calls/answer", null, Ct)).ReadAsync<AnswerCallResponse>();

        answered.Bridge.ShouldBe(CallBridge.Unconfirmed);
        answered.Message.ShouldContain("转接可能已发出");
        (await PresenceAsync(agent)).Status.ShouldBe(AgentPresenceStatus.Busy);
        (await QueryAsync(db => db.Calls.SingleAsync(c => c.CallSid == callSid, Ct))).AgentId.ShouldNotBeNull();
    }

    [Fact]
    public async Task States_Should_BeForSupervisorsOnly()
    {
        using var agent = await ClientAsync("agent");
        (await agent.GetAsync("/api/agents/states", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var supervisor = await ClientAsync("supervisor");
        (await (await supervisor.GetAsync("/api/agents/states?date=2020-01-01", Ct)).ReadAsync<AgentStatesDto>()).Date.ShouldBe(new DateOnly(2020, 1, 1));
        await (await supervisor.GetAsync("/api/agents/states?date=1900-01-01", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    private static async Task<AgentStateTimeDto> StatesAsync(HttpClient supervisor, string userName)
    {
        var states = await (await supervisor.GetAsync("/api/agents/states", Ct)).ReadAsync<AgentStatesDto>();
        return states.Agents.Single(a => a.UserName == userName);
    }

    [Fact]
    public async Task BrowserSoftphone_Should_BeRefused_When_TheDeploymentHasNoApiKeyOrTwimlApp()
    {
        await ResetAsync();
        using var agent = await ClientAsync("agent");
        await (await agent.PutAsJsonAsync("/api/agents/me/device", new SetAgentDeviceRequest("13900002222", CallConnection.Browser), Json.Options, Ct)).ReadAsync<AgentPresenceDto>();
        try
        {
            var token = await agent.GetAsync("/api/agents/me/softphone-token", Ct);
            token.Headers.RetryAfter.ShouldBeNull();
            (await token.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable)).GetProperty("detail").GetString()!.ShouldContain("浏览器软电话未配置");

            // Answering in a browser that cannot register would only ring nothing: refused, the caller stays in the queue.
            await SetPresenceAsync(agent, AgentPresenceStatus.Available);
            var (callSid, _) = await IncomingAsync();
            (await (await agent.PostAsync("/api/calls/answer", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict))
                .GetProperty("detail").GetString()!.ShouldContain("浏览器软电话未配置");
            (await QueryAsync(db => db.Calls.SingleAsync(c => c.CallSid == callSid, Ct))).AgentId.ShouldBeNull();
            (await PresenceAsync(agent)).Status.ShouldBe(AgentPresenceStatus.Available);
        }
        finally
        {
            await (await agent.PutAsJsonAsync("/api/agents/me/device", new SetAgentDeviceRequest("13900002222", CallConnection.Phone), Json.Options, Ct)).ReadAsync<AgentPresenceDto>();
        }
    }

    public sealed class OnSqlite(SqliteCallCentreFixture fixture) : CallAnsweringTests(fixture), IClassFixture<SqliteCallCentreFixture>;

    public sealed class OnPostgreSql(PostgresCallCentreFixture fixture) : CallAnsweringTests(fixture), IClassFixture<PostgresCallCentreFixture>;
}

/// <summary>The Twilio fixture with the redirects (<c>Calls/{CallSid}.json</c>) the fake received.</summary>
public abstract class CallCentreFixture(DatabaseProvider provider) : TwilioFixture(provider)
{
    public const string Emergency110 = "010-12345110";

    public static string RedirectPath(string callSid) => $"/2010-04-01/Accounts/{AccountSid}/Calls/{callSid}.json";

    public static string ParticipantsPath(Guid callId) => $"/2010-04-01/Accounts/{AccountSid}/Conferences/hotline-{callId:N}/Participants.json";

    protected override IReadOnlyDictionary<string, string?> Settings() =>
        new Dictionary<string, string?>(base.Settings()) { ["Calls:EmergencyNumbers:110"] = Emergency110 };

    /// <summary>The phones the fake was asked to dial into a call's conference, oldest first.</summary>
    public IReadOnlyList<FakeRequest> Participants(Guid callId) => Logged(e => e == ParticipantsPath(callId));

    /// <summary>The changes (hold, end on exit) the fake was asked to make to one participant (a call sid) of the conference.</summary>
    public IReadOnlyList<FakeRequest> ParticipantUpdates(string callSid) =>
        Logged(e => e == $"/2010-04-01/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants/{callSid}.json");

    private List<FakeRequest> Logged(Func<string, bool> path) =>
        Twilio.LogEntries
            .Where(e => path(e.RequestMessage.Path))
            .Select(e => new FakeRequest(
                HttpUtility.ParseQueryString(e.RequestMessage.Body ?? string.Empty, Encoding.UTF8),
                e.RequestMessage.Headers?.TryGetValue("Authorization", out var auth) == true ? auth.ToString() : null,
                e.RequestMessage.DateTime))
            .OrderBy(r => r.At)
            .ToList();

    /// <summary>The fake accepts the redirect of this call (to an agent), or answers <paramref name="redirect"/>.</summary>
    public void AcceptRedirect(string callSid, IResponseBuilder? redirect = null) =>
        Twilio.Given(Request.Create().WithPath(RedirectPath(callSid)).UsingPost())
            .RespondWith(redirect ?? Response.Create().WithStatusCode(HttpStatusCode.OK).WithHeader("Content-Type", "application/json")
                .WithBody("{\"sid\":\"" + callSid + "\",\"status\":\"in-progress\"}"));

    public async Task<T> QueryAsync<T>(Func<HotlineDbContext, Task<T>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<HotlineDbContext>());
    }

    public IReadOnlyList<FakeRequest> Redirects(string callSid) => Logged(e => e == RedirectPath(callSid));
}

public sealed class SqliteCallCentreFixture() : CallCentreFixture(DatabaseProvider.Sqlite);

public sealed class PostgresCallCentreFixture() : CallCentreFixture(DatabaseProvider.PostgreSql);
