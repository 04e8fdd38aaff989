using System.Net;
using System.Net.Http.Json;
using Hotline.Contracts;
using Hotline.Contracts.Reference;
using Hotline.Contracts.Telephony;
using Hotline.Contracts.Tickets;
using Hotline.Domain.Tickets;
using Hotline.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using static Hotline.IntegrationTests.Telephony.CallForms;

namespace Hotline.IntegrationTests.Telephony;

/// <summary>
/// The call controls against the WireMock fake of Twilio: 保持 (participant hold), 挂断, 转接 to another agent or a
/// unit's duty phone, 三方转接 to 110, and the legs' status callbacks (an agent's phone not answering puts the caller back
/// in the queue; an agent leaving a three-way call leaves the caller with the service).
/// </summary>
public abstract class CallControlTests(CallCentreFixture fixture) : CallCentreTestBase(fixture)
{
    [Fact]
    public async Task Hold_Should_HoldTheCallersLegInTheConference_Then_Resume()
    {
        await ResetAsync();
        using var agent = await ClientAsync("agent");
        var (call, callSid) = await AnsweredAsync(agent);

        var held = await (await agent.PostAsync($"/api/calls/{call.Id}/hold", null, Ct)).ReadAsync<CallControlResponse>();

        held.Call.OnHold.ShouldBeTrue();
        var hold = _twilio.ParticipantUpdates(callSid).ShouldHaveSingleItem();
        hold.Form["Hold"].ShouldBe("true");
        hold.Form["HoldUrl"].ShouldBe($"{TwilioFixture.PublicBaseUrl}/twilio/voice/hold");
        (await (await agent.GetAsync($"/api/calls/{call.Id}", Ct)).ReadAsync<CallDetailDto>()).Call.OnHold.ShouldBeTrue();
        (await (await agent.PostAsync($"/api/calls/{call.Id}/hold", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .GetProperty("detail").GetString().ShouldBe("来电已在保持中。");

        var resumed = await (await agent.PostAsync($"/api/calls/{call.Id}/resume", null, Ct)).ReadAsync<CallControlResponse>();

        resumed.Call.OnHold.ShouldBeFalse();
        _twilio.ParticipantUpdates(callSid).Count.ShouldBe(2);
        _twilio.ParticipantUpdates(callSid)[1].Form["Hold"].ShouldBe("false");
    }

    [Fact]
    public async Task Controls_Should_BeTheAgentOnTheCallsOnly()
    {
        await ResetAsync();
        using var agent = await ClientAsync("agent");
        using var other = await ClientAsync("agent2");
        var (call, callSid) = await AnsweredAsync(agent);

        foreach (var action in new[] { "hold", "hangup" })
        {
            (await (await other.PostAsync($"/api/calls/{call.Id}/{action}", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict))
                .GetProperty("detail").GetString()!.ShouldContain("只有正在通话的话务员");
        }

        await (await other.PostAsJsonAsync($"/api/calls/{call.Id}/transfer", new TransferCallRequest(CallTransferKind.Emergency, Service: "110"), Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await agent.PostAsync($"/api/calls/{Guid.NewGuid()}/hold", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        _twilio.ParticipantUpdates(callSid).ShouldBeEmpty();
        using var unit = await ClientAsync("water");
        (await unit.PostAsync($"/api/calls/{call.Id}/hold", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task HangUp_Should_EndTheCallAtOnce_And_StartTheWrapUp()
    {
        await ResetAsync();
        using var agent = await ClientAsync("agent");
        var (call, callSid) = await AnsweredAsync(agent);
        _twilio.Clock.Advance(TimeSpan.FromSeconds(20));

        var hungUp = await (await agent.PostAsync($"/api/calls/{call.Id}/hangup", null, Ct)).ReadAsync<CallControlResponse>();

        _twilio.Redirects(callSid).Last().Form["Status"].ShouldBe("completed");
        hungUp.Call.Status.ShouldBe("completed");
        hungUp.Call.EndedAt.ShouldNotBeNull();
        (await PresenceAsync(agent)).Status.ShouldBe(AgentPresenceStatus.WrapUp);

        // Twilio's own report of the end afterwards changes nothing; hanging up again is refused.
        await (await _twilio.PostWebhookAsync("/twilio/voice/status", Status(callSid, "completed", 9, "21"))).ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await PresenceAsync(agent)).Status.ShouldBe(AgentPresenceStatus.WrapUp);
        (await (await agent.PostAsync($"/api/calls/{call.Id}/hangup", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict))
            .GetProperty("detail").GetString().ShouldBe("该通话已结束。");
    }

    [Fact]
    public async Task TransferToAgent_Should_DialTheOtherAgentIn_And_LetTheFirstLeave()
    {
        await ResetAsync();
        using var agent = await ClientAsync("agent");
        using var agent2 = await ClientAsync("agent2");
        var target = await SetDeviceAsync(agent2, "13900003333");
        var (call, _) = await AnsweredAsync(agent);
        var firstLeg = (await QueryAsync(db => db.Calls.SingleAsync(c => c.Id == call.Id, Ct))).AgentLegSid!;

        // Not available: refused, nobody dialled.
        var busy = await (await agent.PostAsJsonAsync($"/api/calls/{call.Id}/transfer", new TransferCallRequest(CallTransferKind.Agent, AgentId: target.UserId), Json.Options, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        busy.GetProperty("detail").GetString()!.ShouldContain("不是“空闲”状态");
        _twilio.Participants(call.Id).Count.ShouldBe(1);

        await SetPresenceAsync(agent2, AgentPresenceStatus.Available);
        var transferred = await (await agent.PostAsJsonAsync(
            $"/api/calls/{call.Id}/transfer", new TransferCallRequest(CallTransferKind.Agent, AgentId: target.UserId, Note: "咨询社保政策"), Json.Options, Ct)).ReadAsync<CallControlResponse>();

        var leg = _twilio.Participants(call.Id)[1];
        leg.Form["To"].ShouldBe("+8613900003333");
        leg.Form["EndConferenceOnExit"].ShouldBe("true");
        _twilio.ParticipantUpdates(firstLeg).ShouldHaveSingleItem().Form["EndConferenceOnExit"].ShouldBe("false");
        transferred.Call.CurrentAgentId.ShouldBe(target.UserId);
        transferred.Call.AgentId.ShouldBe(call.AgentId, "the answer is the first agent's in the measures");
        transferred.Transfer!.Kind.ShouldBe(CallTransferKind.Agent);
        transferred.Transfer.Note.ShouldBe("咨询社保政策");
        (await PresenceAsync(agent)).Status.ShouldBe(AgentPresenceStatus.WrapUp);
        (await PresenceAsync(agent2)).Status.ShouldBe(AgentPresenceStatus.Busy);
        (await (await agent2.GetAsync($"/api/calls/{call.Id}", Ct)).ReadAsync<CallDetailDto>()).Transfers.ShouldHaveSingleItem().ToAgentId.ShouldBe(target.UserId);

        // The first agent's leg ending later is the past: nothing changes. The second agent now controls the call.
        await (await _twilio.PostWebhookAsync($"/twilio/voice/leg?call={call.Id:N}&role=agent", Status(firstLeg, "completed", 3))).ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await PresenceAsync(agent2)).Status.ShouldBe(AgentPresenceStatus.Busy);
        await (await agent2.PostAsync($"/api/calls/{call.Id}/hold", null, Ct)).ReadAsync<CallControlResponse>();
    }

    [Fact]
    public async Task AgentLegUnanswered_Should_PutTheCallerBackInTheQueue_And_SetTheAgentAway()
    {
        await ResetAsync();
        using var agent = await ClientAsync("agent");
        using var agent2 = await ClientAsync("agent2");
        var (call, callSid) = await AnsweredAsync(agent);
        var leg = (await QueryAsync(db => db.Calls.SingleAsync(c => c.Id == call.Id, Ct))).AgentLegSid!;
        await using var rings = await _twilio.ListenForCallsAsync("agent2");
        await SetDeviceAsync(agent2, "13900003333");
        await SetPresenceAsync(agent2, AgentPresenceStatus.Available);

        await (await _twilio.PostWebhookAsync($"/twilio/voice/leg?call={call.Id:N}&role=agent", Status(leg, "no-answer", 2))).ShouldHaveStatusAsync(HttpStatusCode.OK);

        _twilio.Redirects(callSid).Last().Form["Twiml"]!.ShouldContain($"<Enqueue waitUrl=\"{TwilioFixture.PublicBaseUrl}/twilio/voice/wait\">hotline</Enqueue>");
        _twilio.Redirects(callSid).Last().Form["Twiml"]!.ShouldContain("话务员暂时无法接听");
        (await PresenceAsync(agent)).Status.ShouldBe(AgentPresenceStatus.Away);
        var waiting = await QueryAsync(db => db.Calls.SingleAsync(c => c.Id == call.Id, Ct));
        waiting.IsWaiting.ShouldBeTrue();
        waiting.AgentAnsweredAt.ShouldBeNull();
        (await rings.NextAsync(r => r.CallSid == callSid)).CallId.ShouldBe(call.Id);

        // Replayed: nothing more. Another agent takes the caller.
        await _twilio.PostWebhookAsync($"/twilio/voice/leg?call={call.Id:N}&role=agent", Status(leg, "no-answer", 2));
        (await (await agent2.PostAsync("/api/calls/answer", null, Ct)).ReadAsync<AnswerCallResponse>()).Call.Id.ShouldBe(call.Id);
    }

    [Fact]
    public async Task TransferToUnit_Should_DialTheUnitsDutyPhone_And_RequeueTheCaller_When_ItDoesNotAnswer()
    {
        await ResetAsync();
        using var agent = await ClientAsync("agent");
        using var admin = await ClientAsync("admin");
        var units = await (await admin.GetAsync("/api/units", Ct)).ReadAsync<List<UnitDto>>();
        var water = units.Single(u => u.Code == "water");
        var (call, callSid) = await AnsweredAsync(agent);

        await SaveUnitPhoneAsync(admin, water, null);
        (await (await agent.PostAsJsonAsync($"/api/calls/{call.Id}/transfer", new TransferCallRequest(CallTransferKind.Unit, UnitId: water.Id), Json.Options, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("未登记值班电话");
        await (await admin.PutAsJsonAsync($"/api/units/{water.Id}", Upsert(water, "12"), Json.Options, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await SaveUnitPhoneAsync(admin, water, "010-6789 1234")).Phone.ShouldBe("01067891234");

        var transferred = await (await agent.PostAsJsonAsync($"/api/calls/{call.Id}/transfer", new TransferCallRequest(CallTransferKind.Unit, UnitId: water.Id), Json.Options, Ct))
            .ReadAsync<CallControlResponse>();

        var leg = _twilio.Participants(call.Id)[1];
        leg.Form["To"].ShouldBe("+861067891234");
        leg.Form["StatusCallback"]!.ShouldEndWith("&role=unit");
        transferred.Call.CurrentAgentId.ShouldBeNull();
        transferred.Transfer!.Target.ShouldBe(water.Name);
        (await PresenceAsync(agent)).Status.ShouldBe(AgentPresenceStatus.WrapUp);

        var unitLeg = (await QueryAsync(db => db.CallTransfers.SingleAsync(t => t.CallId == call.Id, Ct))).LegSid!;
        await (await _twilio.PostWebhookAsync($"/twilio/voice/leg?call={call.Id:N}&role=unit", Status(unitLeg, "busy", 2))).ShouldHaveStatusAsync(HttpStatusCode.OK);

        _twilio.Redirects(callSid).Last().Form["Twiml"]!.ShouldContain("单位电话暂时无人接听");
        (await QueryAsync(db => db.Calls.SingleAsync(c => c.Id == call.Id, Ct))).IsWaiting.ShouldBeTrue();
        (await QueryAsync(db => db.CallTransfers.SingleAsync(t => t.CallId == call.Id, Ct))).LegStatus.ShouldBe("busy");
        await SaveUnitPhoneAsync(admin, water, null);
    }

    [Fact]
    public async Task ThreeWayTo110_Should_DialTheServiceIn_RecordItOnTheOrder_And_KeepTheCallerWithIt_When_TheAgentLeaves()
    {
        await ResetAsync();
        using var agent = await ClientAsync("agent");
        var (call, callSid) = await AnsweredAsync(agent);
        var agentLeg = (await QueryAsync(db => db.Calls.SingleAsync(c => c.Id == call.Id, Ct))).AgentLegSid!;
        var ticket = await RegisterAsync(NewTicket() with { CallSid = callSid });

        // 119 has no number configured: Twilio cannot dial the short code.
        (await (await agent.PostAsJsonAsync($"/api/calls/{call.Id}/transfer", new TransferCallRequest(CallTransferKind.Emergency, Service: "119"), Json.Options, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString()!.ShouldContain("Calls:EmergencyNumbers:119");

        var threeWay = await (await agent.PostAsJsonAsync(
            $"/api/calls/{call.Id}/transfer", new TransferCallRequest(CallTransferKind.Emergency, Service: "110", Note: "市民报称有人持刀"), Json.Options, Ct)).ReadAsync<CallControlResponse>();

        var leg = _twilio.Participants(call.Id)[1];
        leg.Form["To"].ShouldBe("+861012345110");
        leg.Form["EndConferenceOnExit"].ShouldBe("false");
        _twilio.ParticipantUpdates(agentLeg).ShouldHaveSingleItem().Form["EndConferenceOnExit"].ShouldBe("false");
        threeWay.Call.CurrentAgentId.ShouldBe(call.AgentId, "the agent stays on a three-way call");
        threeWay.Transfer!.Target.ShouldBe("110（公安）");
        (await PresenceAsync(agent)).Status.ShouldBe(AgentPresenceStatus.Busy);
        using var supervisor = await ClientAsync("supervisor");
        var timeline = (await (await supervisor.GetAsync($"/api/tickets/{ticket.Id}", Ct)).ReadAsync<TicketDto>()).Timeline;
        timeline.ShouldContain(e => e.Action == TimelineActions.CallTransferred && e.Note == "来电三方转接 110（公安）：市民报称有人持刀");
        // The hand-over record follows the same transfer (no 110 peer configured here: recorded on the order only).
        timeline.ShouldContain(e => e.Action == TimelineActions.EmergencyHandedOver);
        threeWay.Message.ShouldContain("移交单已记录在工单上");

        // The agent hangs up: wrap-up; the caller stays with 110 (the caller's call is not ended).
        var endsBefore = _twilio.Redirects(callSid).Count(r => r.Form["Status"] == "completed");
        await (await _twilio.PostWebhookAsync($"/twilio/voice/leg?call={call.Id:N}&role=agent", Status(agentLeg, "completed", 5))).ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await PresenceAsync(agent)).Status.ShouldBe(AgentPresenceStatus.WrapUp);
        var live = await QueryAsync(db => db.Calls.SingleAsync(c => c.Id == call.Id, Ct));
        live.IsActive.ShouldBeTrue();
        live.CurrentAgentId.ShouldBeNull();
        _twilio.Redirects(callSid).Count(r => r.Form["Status"] == "completed").ShouldBe(endsBefore);
    }

    [Fact]
    public async Task AgentHangsUpTwoPartyCall_Should_EndTheCallersCallToo()
    {
        await ResetAsync();
        using var agent = await ClientAsync("agent");
        var (call, callSid) = await AnsweredAsync(agent);
        var agentLeg = (await QueryAsync(db => db.Calls.SingleAsync(c => c.Id == call.Id, Ct))).AgentLegSid!;

        await (await _twilio.PostWebhookAsync($"/twilio/voice/leg?call={call.Id:N}&role=agent", Status(agentLeg, "completed", 5))).ShouldHaveStatusAsync(HttpStatusCode.OK);

        _twilio.Redirects(callSid).Last().Form["Status"].ShouldBe("completed");
        (await PresenceAsync(agent)).Status.ShouldBe(AgentPresenceStatus.WrapUp);
    }

    [Fact]
    public async Task Transfer_Should_Answer400_When_TheRequestIsIncomplete()
    {
        await ResetAsync();
        using var agent = await ClientAsync("agent");
        var (call, _) = await AnsweredAsync(agent);

        foreach (var body in new object[]
                 {
                     new { },
                     new { kind = "Agent" },
                     new { kind = "Unit" },
                     new { kind = "Emergency", service = "999" },
                     new { kind = "Emergency", service = "110", note = new string('长', 501) },
                 })
        {
            await (await agent.PostAsJsonAsync($"/api/calls/{call.Id}/transfer", body, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        }

        (await (await agent.PostAsJsonAsync($"/api/calls/{call.Id}/transfer", new TransferCallRequest(CallTransferKind.Agent, AgentId: call.AgentId), Json.Options, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString().ShouldBe("不能把来电转接给自己。");
        await (await agent.PostAsJsonAsync($"/api/calls/{call.Id}/transfer", new TransferCallRequest(CallTransferKind.Unit, UnitId: Guid.NewGuid()), Json.Options, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        _twilio.Participants(call.Id).Count.ShouldBe(1);
    }

    /// <summary>A new caller answered by <paramref name="agent"/> (its phone set), connected in its conference.</summary>
    private async Task<(CallDto Call, string CallSid)> AnsweredAsync(HttpClient agent)
    {
        var call = await AnswerNewCallAsync(agent);
        return (call, call.CallSid);
    }

    private static UpsertUnitRequest Upsert(UnitDto unit, string? phone) => new(unit.Code, unit.Name, unit.Kind, unit.ParentId, unit.DistrictCode, phone);

    private static async Task<UnitDto> SaveUnitPhoneAsync(HttpClient admin, UnitDto unit, string? phone) =>
        await (await admin.PutAsJsonAsync($"/api/units/{unit.Id}", Upsert(unit, phone), Json.Options, Ct)).ReadAsync<UnitDto>();

    public sealed class OnSqlite(SqliteCallCentreFixture fixture) : CallControlTests(fixture), IClassFixture<SqliteCallCentreFixture>;

    public sealed class OnPostgreSql(PostgresCallCentreFixture fixture) : CallControlTests(fixture), IClassFixture<PostgresCallCentreFixture>;
}
