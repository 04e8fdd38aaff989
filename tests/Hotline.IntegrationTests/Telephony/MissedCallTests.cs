using System.Net;
using System.Net.Http.Json;
using Hotline.Contracts.Telephony;
using Hotline.Core.Data;
using Hotline.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static Hotline.IntegrationTests.Telephony.CallForms;

namespace Hotline.IntegrationTests.Telephony;

/// <summary>
/// 漏接回拨 against the WireMock fake of Twilio: a caller who hangs up in the queue becomes one callback task per number
/// (replayed and parallel webhooks add nothing), an agent calls back (Twilio rings the agent's phone and dials the
/// citizen), records the outcome; two agents at once, Twilio refusing.
/// </summary>
public abstract class MissedCallTests(CallCentreFixture fixture) : ApiTestBase(fixture)
{
    private readonly CallCentreFixture _twilio = fixture;

    [Fact]
    public async Task HangUpInTheQueue_Should_MakeOneCallbackTaskPerNumber_When_RepeatedOrReplayed()
    {
        using var agent = await ClientAsync("agent");
        var phone = NewPhone();
        var first = await IncomingAsync(phone);
        _twilio.Clock.Advance(TimeSpan.FromSeconds(20));
        var hangUp = Status(first, "completed", 2, "20");
        await PostAsync("/twilio/voice/status", hangUp);

        var task = await TaskOfAsync(agent, phone);
        task.Reason.ShouldBe(MissedCallReason.Abandoned);
        task.Calls.ShouldBe(1);
        task.LastWaitSeconds.ShouldBe(20);
        task.Status.ShouldBe(MissedCallStatus.Open);

        // Twilio delivers the same callback again, and three times at once: still one miss.
        await PostAsync("/twilio/voice/status", hangUp);
        var replays = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _twilio.PostWebhookAsync("/twilio/voice/status", hangUp)));
        replays.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        (await TaskOfAsync(agent, phone)).Calls.ShouldBe(1);

        // The same number misses again (shorter wait): folded into the one open task.
        var second = await IncomingAsync(phone);
        _twilio.Clock.Advance(TimeSpan.FromSeconds(7));
        await PostAsync("/twilio/voice/status", Status(second, "completed", 2));
        var folded = await TaskOfAsync(agent, phone);
        folded.Id.ShouldBe(task.Id);
        folded.Calls.ShouldBe(2);
        folded.LastWaitSeconds.ShouldBe(7);
        folded.WaitedSeconds.ShouldBe(20);
        folded.FirstCallAt.ShouldBe(task.FirstCallAt);
        (await QueryAsync(db => db.Calls.CountAsync(c => c.MissedCallId == task.Id, Ct))).ShouldBe(2);

        // Two calls of another number missed at once: one task with both.
        var other = NewPhone();
        var both = new[] { await IncomingAsync(other), await IncomingAsync(other) };
        await Task.WhenAll(both.Select(sid => _twilio.PostWebhookAsync("/twilio/voice/status", Status(sid, "no-answer", 2))));
        (await TaskOfAsync(agent, other)).Calls.ShouldBe(2);
        (await QueryAsync(db => db.MissedCalls.CountAsync(m => m.Phone == other, Ct))).ShouldBe(1);
    }

    [Fact]
    public async Task AnsweredCall_Should_MakeNoCallbackTask()
    {
        using var agent = await ClientAsync("agent");
        await ResetAgentsAsync();
        await (await agent.PutAsJsonAsync("/api/agents/me/device", new SetAgentDeviceRequest("13900002222"), Json.Options, Ct)).ReadAsync<AgentPresenceDto>();
        await (await agent.PutAsJsonAsync("/api/agents/me/presence", new SetPresenceRequest(AgentPresenceStatus.Available), Json.Options, Ct)).ReadAsync<AgentPresenceDto>();
        var phone = NewPhone();
        var callSid = await IncomingAsync(phone, redirectable: true);
        (await (await agent.PostAsync("/api/calls/answer", null, Ct)).ReadAsync<AnswerCallResponse>()).Call.CallSid.ShouldBe(callSid);
        await PostAsync("/twilio/voice/status", Status(callSid, "completed", 3, "60"));

        (await QueryAsync(db => db.MissedCalls.AnyAsync(m => m.Phone == phone, Ct))).ShouldBeFalse();
        await ResetAgentsAsync();
    }

    [Fact]
    public async Task HangUpWhileTheAnswerIsRefused_Should_StillMakeACallbackTask()
    {
        using var agent = await ClientAsync("agent");
        await ResetAgentsAsync();
        await QueryAsync(db => db.Calls.Where(c => c.IsActive).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsActive, false).SetProperty(c => c.Status, "completed"), Ct));
        await (await agent.PutAsJsonAsync("/api/agents/me/device", new SetAgentDeviceRequest("13900002222"), Json.Options, Ct)).ReadAsync<AgentPresenceDto>();
        await (await agent.PutAsJsonAsync("/api/agents/me/presence", new SetPresenceRequest(AgentPresenceStatus.Available), Json.Options, Ct)).ReadAsync<AgentPresenceDto>();
        var phone = NewPhone();
        var callSid = NewCallSid();
        // Twilio refuses the redirect (21220) a moment later; the caller's hang-up arrives while the call is claimed.
        _twilio.AcceptRedirect(callSid, Response.Create().WithDelay(TimeSpan.FromMilliseconds(800)).WithStatusCode(HttpStatusCode.BadRequest).WithHeader("Content-Type", "application/json")
            .WithBody("{\"code\":21220,\"message\":\"Call is not in-progress. Cannot redirect.\",\"status\":400}"));
        await PostAsync("/twilio/voice/incoming", IncomingCall(callSid, phone));
        await PostAsync("/twilio/voice/status", Status(callSid, "in-progress", 1));

        var answering = agent.PostAsync("/api/calls/answer", null, Ct);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await QueryAsync(db => db.Calls.Where(c => c.CallSid == callSid).Select(c => c.AgentId).SingleAsync(Ct)) is null)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the answer claims the call");
            await Task.Yield();
        }

        await PostAsync("/twilio/voice/status", Status(callSid, "completed", 2));
        await (await answering).ShouldBeProblemAsync(HttpStatusCode.BadGateway);

        (await TaskOfAsync(agent, phone)).Reason.ShouldBe(MissedCallReason.Abandoned);
    }

    [Fact]
    public async Task Callback_Should_RingTheAgentThenTheCitizen_And_RecordOutcomes_UntilDone()
    {
        using var agent = await ClientAsync("agent");
        using var agent2 = await ClientAsync("agent2");
        await ResetAgentsAsync();
        await (await agent.PutAsJsonAsync("/api/agents/me/device", new SetAgentDeviceRequest("13900003333"), Json.Options, Ct)).ReadAsync<AgentPresenceDto>();
        await (await agent2.PutAsJsonAsync("/api/agents/me/device", new SetAgentDeviceRequest("13900004444"), Json.Options, Ct)).ReadAsync<AgentPresenceDto>();
        var phone = NewPhone();
        await PostAsync("/twilio/voice/status", Status(await IncomingAsync(phone), "completed", 2));
        var task = await TaskOfAsync(agent, phone);

        var called = await (await agent.PostAsync($"/api/calls/missed/{task.Id}/callback", null, Ct)).ReadAsync<MissedCallCallbackResponse>();

        called.Bridge.ShouldBe(CallBridge.Requested);
        called.Task.Status.ShouldBe(MissedCallStatus.Calling);
        called.Task.CallbackSid.ShouldStartWith("CA");
        var dial = _twilio.Requests("Calls.json", "+8613900003333").ShouldHaveSingleItem();
        dial.Form["From"].ShouldBe(TwilioFixture.FromNumber);
        dial.Form["Twiml"].ShouldBe($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say language=\"cmn-CN\" voice=\"Polly.Zhiyu\">正在为您回拨漏接来电，请稍候。</Say><Dial callerId=\"{TwilioFixture.FromNumber}\"><Number>+86{phone}</Number></Dial></Response>");

        // Another agent can neither call back nor record while the first one calls.
        (await (await agent2.PostAsync($"/api/calls/missed/{task.Id}/callback", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .GetProperty("detail").GetString().ShouldBe("其他话务员正在回拨该来电。");
        await (await agent2.PostAsJsonAsync($"/api/calls/missed/{task.Id}/outcome", new RecordMissedCallOutcomeRequest(MissedCallOutcome.Reached, null), Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        _twilio.Requests("Calls.json", "+8613900004444").ShouldBeEmpty();

        // Bad input is a 400 and changes nothing.
        await (await agent.PostAsJsonAsync($"/api/calls/missed/{task.Id}/outcome", new RecordMissedCallOutcomeRequest(null, "x"), Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await agent.PostAsJsonAsync($"/api/calls/missed/{task.Id}/outcome", new RecordMissedCallOutcomeRequest(MissedCallOutcome.Reached, new string('长', 501)), Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await agent.PostAsync($"/api/calls/missed/{Guid.NewGuid()}/callback", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await agent.GetAsync("/api/calls/missed?status=closed", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        using (var supervisor = await ClientAsync("supervisor"))
        {
            (await (await supervisor.GetAsync("/api/calls/missed?status=open", Ct)).ReadAsync<List<MissedCallDto>>()).ShouldContain(m => m.Id == task.Id);
            (await supervisor.PostAsync($"/api/calls/missed/{task.Id}/callback", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        (await TaskOfAsync(agent, phone)).Status.ShouldBe(MissedCallStatus.Calling);

        // No answer: back in the list for another try.
        var noAnswer = await (await agent.PostAsJsonAsync($"/api/calls/missed/{task.Id}/outcome", new RecordMissedCallOutcomeRequest(MissedCallOutcome.NoAnswer, "响铃无人接"), Json.Options, Ct)).ReadAsync<MissedCallDto>();
        noAnswer.Status.ShouldBe(MissedCallStatus.Open);
        noAnswer.Attempts.ShouldBe(1);
        noAnswer.AgentId.ShouldBeNull();

        // The second agent tries next and reaches the citizen: done, with the note.
        await (await agent2.PostAsync($"/api/calls/missed/{task.Id}/callback", null, Ct)).ReadAsync<MissedCallCallbackResponse>();
        var reached = await (await agent2.PostAsJsonAsync($"/api/calls/missed/{task.Id}/outcome", new RecordMissedCallOutcomeRequest(MissedCallOutcome.Reached, "  市民已另行登记诉求  "), Json.Options, Ct)).ReadAsync<MissedCallDto>();
        reached.Status.ShouldBe(MissedCallStatus.Done);
        reached.Outcome.ShouldBe(MissedCallOutcome.Reached);
        reached.Note.ShouldBe("市民已另行登记诉求");
        reached.Attempts.ShouldBe(2);
        reached.CompletedAt.ShouldNotBeNull();
        (await QueryAsync(db => db.MissedCallAttempts.Where(a => a.MissedCallId == task.Id).OrderBy(a => a.Id).Select(a => a.Outcome).ToListAsync(Ct)))
            .ShouldBe([MissedCallOutcome.NoAnswer, MissedCallOutcome.Reached]);

        (await (await agent.GetAsync("/api/calls/missed", Ct)).ReadAsync<List<MissedCallDto>>()).ShouldNotContain(m => m.Id == task.Id);
        (await (await agent.GetAsync("/api/calls/missed?status=done", Ct)).ReadAsync<List<MissedCallDto>>()).ShouldContain(m => m.Id == task.Id);
        (await (await agent2.PostAsync($"/api/calls/missed/{task.Id}/callback", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .GetProperty("detail").GetString()!.ShouldContain("回拨完毕");

        // A new miss of the number after the task is done opens a new one.
        await PostAsync("/twilio/voice/status", Status(await IncomingAsync(phone), "completed", 2));
        (await TaskOfAsync(agent, phone)).Id.ShouldNotBe(task.Id);
    }

    [Fact]
    public async Task Callback_Should_GoToExactlyOneAgent_When_TwoCallBackAtOnce()
    {
        using var agent = await ClientAsync("agent");
        using var agent2 = await ClientAsync("agent2");
        await ResetAgentsAsync();
        await (await agent.PutAsJsonAsync("/api/agents/me/device", new SetAgentDeviceRequest("13900005555"), Json.Options, Ct)).ReadAsync<AgentPresenceDto>();
        await (await agent2.PutAsJsonAsync("/api/agents/me/device", new SetAgentDeviceRequest("13900006666"), Json.Options, Ct)).ReadAsync<AgentPresenceDto>();
        var phone = NewPhone();
        await PostAsync("/twilio/voice/status", Status(await IncomingAsync(phone), "completed", 2));
        var task = await TaskOfAsync(agent, phone);

        var responses = await Task.WhenAll(agent.PostAsync($"/api/calls/missed/{task.Id}/callback", null, Ct), agent2.PostAsync($"/api/calls/missed/{task.Id}/callback", null, Ct));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        await responses.Single(r => r.StatusCode != HttpStatusCode.OK).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (_twilio.Requests("Calls.json", "+8613900005555").Count + _twilio.Requests("Calls.json", "+8613900006666").Count).ShouldBe(1);
    }

    [Fact]
    public async Task Callback_Should_PutTheTaskBackAndAnswer502_When_TwilioRefuses()
    {
        using var agent = await ClientAsync("agent");
        await ResetAgentsAsync();
        const string refusedDevice = "13900007777";
        _twilio.Twilio.Given(Request.Create().WithPath($"/2010-04-01/Accounts/{TwilioFixture.AccountSid}/Calls.json").UsingPost()
                .WithBody((string? body) => body != null && body.Contains("To=%2B86" + refusedDevice, StringComparison.Ordinal)))
            .AtPriority(-1)
            .RespondWith(Response.Create().WithStatusCode(HttpStatusCode.BadRequest).WithHeader("Content-Type", "application/json")
                .WithBody("{\"code\":21215,\"message\":\"Geo permission\",\"more_info\":\"https://www.twilio.com/docs/errors/21215\",\"status\":400}"));
        await (await agent.PutAsJsonAsync("/api/agents/me/device", new SetAgentDeviceRequest(refusedDevice), Json.Options, Ct)).ReadAsync<AgentPresenceDto>();
        var phone = NewPhone();
        await PostAsync("/twilio/voice/status", Status(await IncomingAsync(phone), "completed", 2));
        var task = await TaskOfAsync(agent, phone);

        (await (await agent.PostAsync($"/api/calls/missed/{task.Id}/callback", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadGateway))
            .GetProperty("detail").GetString()!.ShouldContain("21215");

        var back = await TaskOfAsync(agent, phone);
        back.Status.ShouldBe(MissedCallStatus.Open);
        back.AgentId.ShouldBeNull();
        await (await agent.PutAsJsonAsync("/api/agents/me/device", new SetAgentDeviceRequest(null), Json.Options, Ct)).ReadAsync<AgentPresenceDto>();
        (await (await agent.PostAsync($"/api/calls/missed/{task.Id}/callback", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .GetProperty("detail").GetString()!.ShouldContain("接听电话");
        (await TaskOfAsync(agent, phone)).Status.ShouldBe(MissedCallStatus.Open);
    }

    private async Task<string> IncomingAsync(string phone, bool redirectable = false)
    {
        var callSid = NewCallSid();
        if (redirectable)
        {
            _twilio.AcceptRedirect(callSid);
        }

        await PostAsync("/twilio/voice/incoming", IncomingCall(callSid, phone));
        await PostAsync("/twilio/voice/status", Status(callSid, "in-progress", 1));
        return callSid;
    }

    private async Task PostAsync(string path, List<KeyValuePair<string, string>> form) =>
        await (await _twilio.PostWebhookAsync(path, form)).ShouldHaveStatusAsync(HttpStatusCode.OK);

    private static async Task<MissedCallDto> TaskOfAsync(HttpClient agent, string phone) =>
        (await (await agent.GetAsync("/api/calls/missed", Ct)).ReadAsync<List<MissedCallDto>>()).Single(m => m.From == phone);

    /// <summary>No agent on a call from an earlier test (a callback needs the agent off the line).</summary>
    private Task<int> ResetAgentsAsync() =>
        QueryAsync(db => db.Calls.Where(c => c.IsActive && c.AgentId != null).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsActive, false).SetProperty(c => c.Status, "completed"), Ct));

    private Task<T> QueryAsync<T>(Func<HotlineDbContext, Task<T>> query) => _twilio.QueryAsync(query);

    public sealed class OnSqlite(SqliteCallCentreFixture fixture) : MissedCallTests(fixture), IClassFixture<SqliteCallCentreFixture>;

    public sealed class OnPostgreSql(PostgresCallCentreFixture fixture) : MissedCallTests(fixture), IClassFixture<PostgresCallCentreFixture>;
}

/// <summary>Outside the staffed hours: told so, not queued nor rung, a callback task at once (fixture: staffed hours that exclude now).</summary>
public abstract class AfterHoursCallTests(CallCentreFixture fixture) : ApiTestBase(fixture)
{
    private readonly CallCentreFixture _twilio = fixture;

    [Fact]
    public async Task CallOutsideStaffedHours_Should_BeToldAndHungUp_And_BecomeACallbackTask_WithoutQueueing()
    {
        using var agent = await ClientAsync("agent");
        var phone = NewPhone();
        var callSid = NewCallSid();

        var answer = await (await _twilio.PostWebhookAsync("/twilio/voice/incoming", IncomingCall(callSid, phone))).Content.ReadAsStringAsync(Ct);
        var replay = await (await _twilio.PostWebhookAsync("/twilio/voice/incoming", IncomingCall(callSid, phone))).Content.ReadAsStringAsync(Ct);

        answer.ShouldContain("现在是非人工服务时间");
        answer.ShouldContain("<Hangup />");
        answer.ShouldNotContain("Enqueue");
        replay.ShouldBe(answer);
        await (await agent.PutAsJsonAsync("/api/agents/me/device", new SetAgentDeviceRequest("13900002222"), Json.Options, Ct)).ReadAsync<AgentPresenceDto>();
        await (await agent.PutAsJsonAsync("/api/agents/me/presence", new SetPresenceRequest(AgentPresenceStatus.Available), Json.Options, Ct)).ReadAsync<AgentPresenceDto>();
        (await (await agent.PostAsync("/api/calls/answer", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("没有等待接听的来电");
        var task = (await (await agent.GetAsync("/api/calls/missed", Ct)).ReadAsync<List<MissedCallDto>>()).Single(m => m.From == phone);
        task.Reason.ShouldBe(MissedCallReason.AfterHours);
        task.LastWaitSeconds.ShouldBe(0);
        task.Calls.ShouldBe(1);

        // The call's end (after the message) is not a second miss.
        await (await _twilio.PostWebhookAsync("/twilio/voice/status", Status(callSid, "completed", 2, "12"))).ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await (await agent.GetAsync("/api/calls/missed", Ct)).ReadAsync<List<MissedCallDto>>()).Single(m => m.From == phone).Calls.ShouldBe(1);
    }

    public sealed class OnSqlite(ClosedFixture.OnSqlite fixture) : AfterHoursCallTests(fixture), IClassFixture<ClosedFixture.OnSqlite>;

    public sealed class OnPostgreSql(ClosedFixture.OnPostgreSql fixture) : AfterHoursCallTests(fixture), IClassFixture<ClosedFixture.OnPostgreSql>;

    /// <summary>Staffed hours that exclude the current China-time hour (the fake clock starts at the real time and moves seconds).</summary>
    public abstract class ClosedFixture(DatabaseProvider provider) : CallCentreFixture(provider)
    {
        protected override IReadOnlyDictionary<string, string?> Settings()
        {
            var hour = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Hour;
            var closed = hour < 12 ? "13:00-24:00" : "00:00-11:00";
            return new Dictionary<string, string?>(base.Settings()) { ["Calls:StaffedHours"] = closed };
        }

        public sealed class OnSqlite() : ClosedFixture(DatabaseProvider.Sqlite);

        public sealed class OnPostgreSql() : ClosedFixture(DatabaseProvider.PostgreSql);
    }
}
