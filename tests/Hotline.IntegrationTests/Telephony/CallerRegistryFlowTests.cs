using System.Net;
using System.Net.Http.Json;
using System.Text;
using Hotline.Contracts.Audit;
using Hotline.Contracts.Kpis;
using Hotline.Contracts.Telephony;
using Hotline.Core.Data;
using Hotline.Domain.Common;
using Hotline.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using static Hotline.IntegrationTests.Telephony.CallForms;

namespace Hotline.IntegrationTests.Telephony;

/// <summary>
/// Priority callers (优先办), seat groups (专席) with their overflow, the wait URL's position announcement and the
/// malicious caller registry (恶意来电), against the WireMock fake of Twilio: the registries' API (audited, bad input
/// 4xx), the ring's warning, a limited caller told so and recorded, the queue's order for each agent.
/// </summary>
public abstract class CallerRegistryFlowTests(CallerRegistryFixture fixture) : ApiTestBase(fixture)
{
    private readonly CallerRegistryFixture _twilio = fixture;

    [Fact]
    public async Task FlaggedNumber_Should_RingWithTheWarning_And_ShowItInTheCallsAndTheCallerPanel()
    {
        await ResetAsync();
        var phone = NewPhone();
        using var supervisor = await ClientAsync("supervisor");
        var saved = await (await supervisor.PutAsJsonAsync($"/api/admin/flagged-callers/{Uri.EscapeDataString("+86" + phone)}",
            new SaveFlaggedCallerRequest("多次来电辱骂话务员", FlaggedCallerPolicy.Warn, null, null), Json.Options, Ct)).ReadAsync<FlaggedCallerDto>();
        saved.Phone.ShouldBe(phone);
        saved.AddedBy.ShouldBe("supervisor");
        await using var ringing = await _twilio.ListenForCallsAsync("agent");
        using var agent = await ClientAsync("agent");
        await SetPresenceAsync(agent, AgentPresenceStatus.Available);

        var callSid = await IncomingAsync(phone);

        var ring = await ringing.NextAsync(r => r.CallSid == callSid);
        (ring.FlagReason, ring.FlagPolicy).ShouldBe(("多次来电辱骂话务员", FlaggedCallerPolicy.Warn));
        var listed = (await (await agent.GetAsync("/api/calls?active=true", Ct)).ReadAsync<List<CallDto>>()).Single(c => c.CallSid == callSid);
        (listed.FlagReason, listed.FlagPolicy, listed.Limited).ShouldBe(("多次来电辱骂话务员", FlaggedCallerPolicy.Warn, false));
        var info = await (await agent.GetAsync($"/api/callers/{phone}", Ct)).ReadAsync<CallerInfoDto>();
        info.Flag!.Reason.ShouldBe("多次来电辱骂话务员");
        info.Priority.ShouldBeNull();
        (await supervisor.GetFromJsonAsync<List<FlaggedCallerDto>>("/api/admin/flagged-callers", Json.Options, Ct))!.ShouldContain(f => f.Phone == phone && f.IsActive);
        (await agent.GetAsync("/api/admin/flagged-callers", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var audit = await _twilio.QueryAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == AuditActions.FlaggedCallerSaved && e.TargetId == phone, Ct));
        audit.ActorName.ShouldBe("supervisor");
        audit.Changes!.ShouldContain("多次来电辱骂话务员");

        (await supervisor.DeleteAsync($"/api/admin/flagged-callers/{phone}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await supervisor.DeleteAsync($"/api/admin/flagged-callers/{phone}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await _twilio.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.FlaggedCallerRemoved && e.TargetId == phone, Ct))).ShouldBe(1);
    }

    [Fact]
    public async Task LimitedCaller_Should_HearTheLimitMessage_And_BeRecordedAsLimited_NotQueuedNorMissed()
    {
        await ResetAsync();
        var phone = NewPhone();
        using var supervisor = await ClientAsync("supervisor");
        await (await supervisor.PutAsJsonAsync($"/api/admin/flagged-callers/{phone}",
            new SaveFlaggedCallerRequest("同一诉求每天反复来电", FlaggedCallerPolicy.Limit, 2, _twilio.Clock.GetUtcNow().AddDays(7)), Json.Options, Ct)).ReadAsync<FlaggedCallerDto>();
        var range = $"from={ChinaTime.DateOf(_twilio.Clock.GetUtcNow()).AddDays(-1):yyyy-MM-dd}&to={ChinaTime.DateOf(_twilio.Clock.GetUtcNow()).AddDays(1):yyyy-MM-dd}&groupBy=day";
        var limitedBefore = (await supervisor.GetFromJsonAsync<List<CallMeasuresDto>>($"/api/kpis/calls?{range}", Json.Options, Ct))!.Sum(d => d.Limited);
        await using var ringing = await _twilio.ListenForCallsAsync("agent");
        using var agent = await ClientAsync("agent");
        await SetPresenceAsync(agent, AgentPresenceStatus.Available);

        // The first two calls of the day are queued (and warned); the third hears the limit message.
        foreach (var _ in new[] { 1, 2 })
        {
            var queued = NewCallSid();
            var twiml = await PostIncomingAsync(queued, phone);
            twiml.ShouldContain("<Enqueue");
            (await ringing.NextAsync(r => r.CallSid == queued)).FlagPolicy.ShouldBe(FlaggedCallerPolicy.Limit);
            await _twilio.PostWebhookAsync("/twilio/voice/status", Status(queued, "completed", 2));
        }

        var limited = NewCallSid();
        var limitTwiml = await PostIncomingAsync(limited, phone);
        limitTwiml.ShouldContain("本号码今天的来电次数已达到上限");
        limitTwiml.ShouldContain("<Hangup />");
        limitTwiml.ShouldNotContain("<Enqueue");
        (await PostIncomingAsync(limited, phone)).ShouldBe(limitTwiml, "Twilio's retry hears the same");
        var listed = (await (await agent.GetAsync("/api/calls", Ct)).ReadAsync<List<CallDto>>()).Single(c => c.CallSid == limited);
        (listed.Limited, listed.FlagReason).ShouldBe((true, "同一诉求每天反复来电"));
        await (await agent.PostAsync("/api/calls/answer", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await _twilio.PostWebhookAsync("/twilio/voice/status", Status(limited, "completed", 2));
        var missed = await (await agent.GetAsync("/api/calls/missed", Ct)).ReadAsync<List<MissedCallDto>>();
        missed.Where(m => m.From == phone).Sum(m => m.Calls).ShouldBe(2, "the two queued calls hung up; the limited one is no miss");
        ringing.TryRead(out var extra).ShouldBeFalse($"the limited call rings nobody ({extra?.CallSid})");
        (await supervisor.GetFromJsonAsync<List<CallMeasuresDto>>($"/api/kpis/calls?{range}", Json.Options, Ct))!.Sum(d => d.Limited).ShouldBe(limitedBefore + 1);
        var csv = await (await supervisor.GetAsync($"/api/kpis/calls/export?format=csv&{range}", Ct)).Content.ReadAsStringAsync(Ct);
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Split(',')[^1].ShouldBe("超限来电");
        lines.Skip(1).Sum(l => int.Parse(l.Split(',')[^1], System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(limitedBefore + 1, "the export counts it too");

        // Expired: no effect, the next call is queued without a warning.
        _twilio.Clock.Advance(TimeSpan.FromDays(7));
        var afterExpiry = NewCallSid();
        (await PostIncomingAsync(afterExpiry, phone)).ShouldContain("<Enqueue");
        var later = (await (await agent.GetAsync("/api/calls?active=true", Ct)).ReadAsync<List<CallDto>>()).Single(c => c.CallSid == afterExpiry);
        (later.FlagReason, later.Limited).ShouldBe((null, false));
        (await supervisor.GetFromJsonAsync<List<FlaggedCallerDto>>("/api/admin/flagged-callers", Json.Options, Ct))!.Single(f => f.Phone == phone).IsActive.ShouldBeFalse();
    }

    [Fact]
    public async Task PriorityCaller_Should_BeAnsweredFirst_WithTheReason_And_EveryChangeAudited()
    {
        await ResetAsync();
        using var agent = await ClientAsync("agent");
        await SetDeviceAsync(agent);
        var elderly = NewPhone();
        var set = await (await agent.PutAsJsonAsync($"/api/callers/{Uri.EscapeDataString("+86 " + elderly)}/priority",
            new SetPriorityCallerRequest(PriorityCallerKind.Elderly, "独居老人"), Json.Options, Ct)).ReadAsync<PriorityCallerDto>();
        (set.Phone, set.SetBy).ShouldBe((elderly, "agent"));

        var first = await IncomingAsync(NewPhone());
        _twilio.Clock.Advance(TimeSpan.FromSeconds(5));
        var second = await IncomingAsync(NewPhone());
        _twilio.Clock.Advance(TimeSpan.FromSeconds(5));
        var priority = await IncomingAsync(elderly);

        var order = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            await SetPresenceAsync(agent, AgentPresenceStatus.Available);
            var answered = await (await agent.PostAsync("/api/calls/answer", null, Ct)).ReadAsync<AnswerCallResponse>();
            order.Add(answered.Call.CallSid);
            if (answered.Call.CallSid == priority)
            {
                answered.Call.PriorityReason.ShouldBe("老年人优先");
            }

            await _twilio.PostWebhookAsync("/twilio/voice/status", Status(answered.Call.CallSid, "completed", 3));
        }

        order.ShouldBe([priority, first, second]);
        (await (await agent.GetAsync($"/api/callers/{elderly}", Ct)).ReadAsync<CallerInfoDto>()).Priority!.Kind.ShouldBe(PriorityCallerKind.Elderly);
        (await agent.DeleteAsync($"/api/callers/{elderly}/priority", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await agent.DeleteAsync($"/api/callers/{elderly}/priority", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var actions = await _twilio.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.TargetId == elderly).Select(e => e.Action).ToListAsync(Ct));
        actions.ShouldBe([AuditActions.PriorityCallerSet, AuditActions.PriorityCallerCleared], ignoreOrder: true);
    }

    [Fact]
    public async Task GroupedCall_Should_RingAndGoToTheSkilledAgent_And_OverflowToEveryoneAfterTheOverflowTime()
    {
        await ResetAsync();
        using var admin = await ClientAsync("admin");
        var groups = await (await admin.GetAsync("/api/admin/seat-groups", Ct)).ReadAsync<SeatGroupsDto>();
        groups.Groups.ShouldBe(["方言专席", "涉企专席"]);
        var agent2Id = groups.Agents.Single(a => a.UserName == "agent2").UserId;
        var agentId = groups.Agents.Single(a => a.UserName == "agent").UserId;
        await (await admin.PutAsJsonAsync($"/api/admin/agents/{agent2Id}/seat-groups", new SetAgentSeatGroupsRequest(["涉企专席"]), Json.Options, Ct)).ReadAsync<AgentSeatGroupsDto>();
        await (await admin.PutAsJsonAsync($"/api/admin/agents/{agentId}/seat-groups", new SetAgentSeatGroupsRequest([]), Json.Options, Ct)).ReadAsync<AgentSeatGroupsDto>();
        await using var skilledRing = await _twilio.ListenForCallsAsync("agent2");
        await using var otherRing = await _twilio.ListenForCallsAsync("agent");
        using var agent = await ClientAsync("agent");
        using var agent2 = await ClientAsync("agent2");
        await SetDeviceAsync(agent);
        await SetDeviceAsync(agent2);
        await SetPresenceAsync(agent, AgentPresenceStatus.Available);
        await SetPresenceAsync(agent2, AgentPresenceStatus.Available);

        // An ordinary call first, then a call to the business number: the skilled agent takes the grouped one first.
        var plain = await IncomingAsync(NewPhone());
        _twilio.Clock.Advance(TimeSpan.FromSeconds(5));
        var business = await IncomingAsync(NewPhone(), CallerRegistryFixture.BusinessNumber);
        var ring = await skilledRing.NextAsync(r => r.CallSid == business);
        (ring.SeatGroup, ring.Overflow).ShouldBe(("涉企专席", false));
        (await otherRing.NextAsync(r => r.CallSid == plain)).SeatGroup.ShouldBeNull();
        otherRing.TryRead(out var notSkilled).ShouldBeFalse($"the grouped call rings only the skilled agent ({notSkilled?.CallSid})");
        (await (await agent2.PostAsync("/api/calls/answer", null, Ct)).ReadAsync<AnswerCallResponse>()).Call.CallSid.ShouldBe(business);
        (await (await agent.PostAsync("/api/calls/answer", null, Ct)).ReadAsync<AnswerCallResponse>()).Call.CallSid.ShouldBe(plain);
        await _twilio.PostWebhookAsync("/twilio/voice/status", Status(business, "completed", 3));
        await _twilio.PostWebhookAsync("/twilio/voice/status", Status(plain, "completed", 3));

        // Only the unskilled agent is free: a grouped call is not theirs until it overflows, then it rings them too.
        await SetPresenceAsync(agent, AgentPresenceStatus.Available);
        await SetPresenceAsync(agent2, AgentPresenceStatus.Away);
        var waiting = await IncomingAsync(NewPhone(), CallerRegistryFixture.BusinessNumber);
        (await (await agent.PostAsync("/api/calls/answer", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("没有等待接听的来电");
        (await Wait(waiting)).ShouldContain("您是下一位来电");
        otherRing.TryRead(out var early).ShouldBeFalse($"not rung before the overflow ({early?.CallSid})");
        _twilio.Clock.Advance(TimeSpan.FromSeconds(61));
        await Wait(waiting);
        await Wait(waiting);
        var overflow = await otherRing.NextAsync(r => r.CallSid == waiting);
        (overflow.Overflow, overflow.SeatGroup).ShouldBe((true, "涉企专席"));
        otherRing.TryRead(out var twice).ShouldBeFalse($"the overflow rings once ({twice?.CallSid})");
        (await (await agent.PostAsync("/api/calls/answer", null, Ct)).ReadAsync<AnswerCallResponse>()).Call.SeatGroup.ShouldBe("涉企专席");
        (await _twilio.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.AgentSeatGroupsSaved && e.TargetId == agent2Id.ToString(), Ct))).ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task WaitUrl_Should_SayOurPositionWithPriority_AndTheExpectedWait_ThenPause()
    {
        await ResetAsync();
        using var agent = await ClientAsync("agent");
        var elderly = NewPhone();
        await (await agent.PutAsJsonAsync($"/api/callers/{elderly}/priority", new SetPriorityCallerRequest(PriorityCallerKind.Disabled, null), Json.Options, Ct)).ReadAsync<PriorityCallerDto>();
        var first = await IncomingAsync(NewPhone());
        _twilio.Clock.Advance(TimeSpan.FromSeconds(5));
        var second = await IncomingAsync(NewPhone());
        _twilio.Clock.Advance(TimeSpan.FromSeconds(5));
        var priority = await IncomingAsync(elderly);

        var forSecond = await Wait(second, twilioPosition: "3");
        forSecond.ShouldContain("您前面还有2位来电，预计等待约");
        forSecond.ShouldContain("分钟，请不要挂机。");
        forSecond.ShouldContain("<Pause length=\"30\" />");
        (await Wait(first)).ShouldContain("您前面还有1位来电");
        (await Wait(priority)).ShouldContain("您是下一位来电");
        var unknown = await Wait(NewCallSid());
        unknown.ShouldNotContain("<Say");
        unknown.ShouldContain("<Pause");
        (await _twilio.PostWebhookAsync("/twilio/voice/wait", [new("CallSid", first)], signature: null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Import_Should_WriteNothing_When_ALineIsBad_And_BeIdempotent()
    {
        using var admin = await ClientAsync("admin");
        var (a, b) = (NewPhone(), NewPhone());
        var bad = await (await admin.PostAsync("/api/admin/priority-callers/import", Csv($"phone,kind,note\n{a},老年人,独居\nnot-a-phone,老年人\n{b},儿童"), Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var messages = bad.GetProperty("errors").EnumerateObject().SelectMany(p => p.Value.EnumerateArray()).Select(v => v.GetString()!).ToList();
        messages.ShouldContain(m => m.StartsWith("第 3 行", StringComparison.Ordinal));
        messages.ShouldContain(m => m.StartsWith("第 4 行", StringComparison.Ordinal));
        (await admin.GetFromJsonAsync<List<PriorityCallerDto>>($"/api/admin/priority-callers?q={a}", Json.Options, Ct))!.ShouldBeEmpty("nothing half-written");

        var body = $"phone,kind,note\n+86{a},老年人,独居\n{b},Disabled,";
        (await (await admin.PostAsync("/api/admin/priority-callers/import", Csv(body), Ct)).ReadAsync<PriorityCallerImportResult>()).ShouldBe(new PriorityCallerImportResult(2, 0, 0));
        (await (await admin.PostAsync("/api/admin/priority-callers/import", Csv(body), Ct)).ReadAsync<PriorityCallerImportResult>()).ShouldBe(new PriorityCallerImportResult(0, 0, 2));
        using var jsonLines = new StringContent($"{{\"phone\":\"{a}\",\"kind\":\"Disabled\"}}\n", Encoding.UTF8, "application/x-ndjson");
        (await (await admin.PostAsync("/api/admin/priority-callers/import", jsonLines, Ct)).ReadAsync<PriorityCallerImportResult>()).ShouldBe(new PriorityCallerImportResult(0, 1, 0));
        var listed = (await admin.GetFromJsonAsync<List<PriorityCallerDto>>($"/api/admin/priority-callers?q={a}", Json.Options, Ct))!.ShouldHaveSingleItem();
        (listed.Kind, listed.SetBy).ShouldBe((PriorityCallerKind.Disabled, "admin"));

        using var xml = new StringContent("<a/>", Encoding.UTF8, "application/xml");
        await (await admin.PostAsync("/api/admin/priority-callers/import", xml, Ct)).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        using var agent = await ClientAsync("agent");
        (await agent.PostAsync("/api/admin/priority-callers/import", Csv(body), Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _twilio.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.PriorityCallersImported, Ct))).ShouldBe(3, "the three imports that succeeded");
    }

    [Fact]
    public async Task BadInput_Should_Be4xxProblemDetails_InChinese_AndChangeNothing()
    {
        using var agent = await ClientAsync("agent");
        using var supervisor = await ClientAsync("supervisor");
        using var admin = await ClientAsync("admin");
        var phone = NewPhone();
        (await (await agent.PutAsJsonAsync("/api/callers/abc/priority", new SetPriorityCallerRequest(PriorityCallerKind.Elderly, null), Json.Options, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldContain("phone");
        (await (await agent.PutAsJsonAsync($"/api/callers/{phone}/priority", new SetPriorityCallerRequest(null, null), Json.Options, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldContain("kind");
        (await (await agent.PutAsJsonAsync($"/api/callers/{phone}/priority", new SetPriorityCallerRequest(PriorityCallerKind.Other, " "), Json.Options, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldContain("note");
        await (await agent.PutAsJsonAsync($"/api/callers/{phone}/priority", new { kind = "Child" }, Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await (await agent.GetAsync("/api/callers/12", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldContain("phone");

        var flag = $"/api/admin/flagged-callers/{phone}";
        (await (await supervisor.PutAsJsonAsync(flag, new SaveFlaggedCallerRequest("骚扰", FlaggedCallerPolicy.Limit, null, null), Json.Options, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldContain("dailyLimit");
        (await (await supervisor.PutAsJsonAsync(flag, new SaveFlaggedCallerRequest("骚扰", FlaggedCallerPolicy.Warn, null, _twilio.Clock.GetUtcNow().AddMinutes(-1)), Json.Options, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldContain("expiresAt");
        var noReason = await (await supervisor.PutAsJsonAsync(flag, new SaveFlaggedCallerRequest("", FlaggedCallerPolicy.Warn, null, null), Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        noReason.GetProperty("errors").GetProperty("reason")[0].GetString()!.ShouldContain("标记原因");
        (await agent.PutAsJsonAsync(flag, new SaveFlaggedCallerRequest("骚扰", FlaggedCallerPolicy.Warn, null, null), Json.Options, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var groups = await (await admin.GetAsync("/api/admin/seat-groups", Ct)).ReadAsync<SeatGroupsDto>();
        var agentId = groups.Agents.Single(a => a.UserName == "agent").UserId;
        (await (await admin.PutAsJsonAsync($"/api/admin/agents/{agentId}/seat-groups", new SetAgentSeatGroupsRequest(["粤语专席"]), Json.Options, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).ErrorFields().ShouldContain(f => f.StartsWith("seatGroups", StringComparison.Ordinal));
        await (await admin.PutAsJsonAsync($"/api/admin/agents/{Guid.NewGuid()}/seat-groups", new SetAgentSeatGroupsRequest([]), Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var supervisorId = await _twilio.QueryAsync(db => db.Users.Where(u => u.UserName == "supervisor").Select(u => u.Id).SingleAsync(Ct));
        (await (await admin.PutAsJsonAsync($"/api/admin/agents/{supervisorId}/seat-groups", new SetAgentSeatGroupsRequest(["涉企专席"]), Json.Options, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString().ShouldBe("只有话务员（Agent）可以设置专席。");

        (await _twilio.QueryAsync(db => db.PriorityCallers.CountAsync(p => p.Phone == phone, Ct))).ShouldBe(0);
        (await _twilio.QueryAsync(db => db.FlaggedCallers.CountAsync(p => p.Phone == phone, Ct))).ShouldBe(0);
        (await _twilio.QueryAsync(db => db.AgentSeatGroups.CountAsync(g => g.UserId == supervisorId, Ct))).ShouldBe(0);
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    /// <summary>Every call of earlier tests off the line and the agents away, so each test starts with an empty queue.</summary>
    private Task<int> ResetAsync() => _twilio.QueryAsync(async db =>
    {
        await db.Calls.Where(c => c.IsActive).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsActive, false).SetProperty(c => c.Status, "completed"), Ct);
        return await db.AgentPresences.ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, AgentPresenceStatus.Away).SetProperty(p => p.WrapUpEndsAt, (DateTimeOffset?)null), Ct);
    });

    private async Task<string> IncomingAsync(string phone, string? to = null)
    {
        var callSid = NewCallSid();
        (await PostIncomingAsync(callSid, phone, to)).ShouldContain("<Enqueue");
        return callSid;
    }

    private async Task<string> PostIncomingAsync(string callSid, string phone, string? to = null)
    {
        _twilio.AcceptRedirect(callSid);
        var form = IncomingCall(callSid, phone);
        if (to is not null)
        {
            form.RemoveAll(f => f.Key == "To");
            form.Add(new("To", to));
        }

        var response = await (await _twilio.PostWebhookAsync("/twilio/voice/incoming", form)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    /// <summary>Twilio asking the wait URL for a queued call (its own QueuePosition ignores our priority).</summary>
    private async Task<string> Wait(string callSid, string twilioPosition = "1")
    {
        var response = await _twilio.PostWebhookAsync("/twilio/voice/wait",
            [new("AccountSid", TwilioFixture.AccountSid), new("CallSid", callSid), new("QueuePosition", twilioPosition), new("QueueTime", "10"), new("AvgQueueTime", "20"), new("CurrentQueueSize", "3")]);
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    private static async Task SetPresenceAsync(HttpClient agent, AgentPresenceStatus status) =>
        (await (await agent.PutAsJsonAsync("/api/agents/me/presence", new SetPresenceRequest(status), Json.Options, Ct)).ReadAsync<AgentPresenceDto>()).Status.ShouldBe(status);

    private static async Task SetDeviceAsync(HttpClient agent) =>
        await (await agent.PutAsJsonAsync("/api/agents/me/device", new SetAgentDeviceRequest("13900003333"), Json.Options, Ct)).ReadAsync<AgentPresenceDto>();

    public sealed class OnSqlite(SqliteCallerRegistryFixture fixture) : CallerRegistryFlowTests(fixture), IClassFixture<SqliteCallerRegistryFixture>;

    public sealed class OnPostgreSql(PostgresCallerRegistryFixture fixture) : CallerRegistryFlowTests(fixture), IClassFixture<PostgresCallerRegistryFixture>;
}

/// <summary>The call-centre fixture with two seat groups: 涉企专席 for calls to <see cref="BusinessNumber"/>, 方言专席 by skill only; overflow after a minute.</summary>
public abstract class CallerRegistryFixture(DatabaseProvider provider) : CallCentreFixture(provider)
{
    public const string BusinessNumber = "+862161234567";

    protected override IReadOnlyDictionary<string, string?> Settings() => new Dictionary<string, string?>(base.Settings())
    {
        ["Calls:SeatGroups:涉企专席:0"] = BusinessNumber,
        ["Calls:SeatGroups:方言专席:0"] = "+862161230000",
        ["Calls:SeatGroupOverflow"] = "00:01:00",
    };
}

public sealed class SqliteCallerRegistryFixture() : CallerRegistryFixture(DatabaseProvider.Sqlite);

public sealed class PostgresCallerRegistryFixture() : CallerRegistryFixture(DatabaseProvider.PostgreSql);
