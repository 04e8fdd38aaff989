using Hotline.Contracts.Telephony;
using Hotline.Core.Telephony;
using Hotline.Domain.Common;
using Hotline.Domain.Telephony;
using Shouldly;

namespace Hotline.UnitTests.Telephony;

/// <summary>The call's side of the call controls: who may control it, hold, transfers, the way back to the queue, and the TwiML.</summary>
public sealed class CallControlModelTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid AgentA = Guid.NewGuid();
    private static readonly Guid AgentB = Guid.NewGuid();

    [Fact]
    public void Controls_Should_BeRefused_When_TheCallIsNotTheAgentsLiveConferenceCall()
    {
        var call = Call.Incoming("CA1", "+8613900000001", null, "in-progress", Start);
        Should.Throw<DomainException>(() => call.EnsureControlledBy(AgentA)).Message.ShouldContain("只有正在通话的话务员");

        call.Bridged(AgentA, "CAleg", "CF1", Start.AddSeconds(5));
        call.EnsureControlledBy(AgentA);
        Should.Throw<DomainException>(() => call.EnsureControlledBy(AgentB));
        call.ConferenceName.ShouldBe(Call.ConferenceNameOf(call.Id));

        call.ApplyStatus("completed", 3, 60, Start.AddMinutes(1));
        Should.Throw<DomainException>(() => call.EnsureControlledBy(AgentA)).Message.ShouldBe("该通话已结束。");
    }

    [Fact]
    public void Hold_Should_ToggleOnce()
    {
        var call = Bridged();
        call.SetHold(true, Start);
        call.OnHold.ShouldBeTrue();
        Should.Throw<DomainException>(() => call.SetHold(true, Start)).Message.ShouldBe("来电已在保持中。");
        call.SetHold(false, Start);
        Should.Throw<DomainException>(() => call.SetHold(false, Start)).Message.ShouldBe("来电未在保持中。");
    }

    [Fact]
    public void Transfer_Should_MoveTheCallToTheOtherAgent_And_LeaveTheAnswerWithTheFirst()
    {
        var call = Bridged();
        call.SetHold(true, Start);

        call.TransferredTo(AgentB, "CAlegB", Start.AddSeconds(30));

        call.CurrentAgentId.ShouldBe(AgentB);
        call.AgentLegSid.ShouldBe("CAlegB");
        call.OnHold.ShouldBeFalse();
        call.ConferenceSid.ShouldBe("CF1");
        call.AgentLeft(Start.AddSeconds(40));
        call.CurrentAgentId.ShouldBeNull();
        call.IsActive.ShouldBeTrue("the caller is still on the line with the unit or the service");
    }

    [Fact]
    public void Requeued_Should_LeaveTheConference_WaitInItsPlace_And_RingAgain()
    {
        var call = Bridged();
        var rings = call.DomainEvents.OfType<CallReceived>().Count();

        call.Requeued(Start.AddSeconds(50));

        call.IsWaiting.ShouldBeTrue();
        call.StartedAt.ShouldBe(Start, "its wait counts from the start");
        (call.ConferenceName, call.ConferenceSid, call.AgentLegSid, call.CurrentAgentId).ShouldBe((null, null, null, null));
        call.DomainEvents.OfType<CallReceived>().Count().ShouldBe(rings + 1);
    }

    [Fact]
    public void TransferRecord_Should_TakeTheLegsEndOnce_And_SayWhatHappenedOnTheTimeline()
    {
        var transfer = CallTransfer.Record(Guid.NewGuid(), CallTransferKind.Emergency, CallTransfer.EmergencyServices["110"], "+86110", null, null, "110", "有人持刀",
            "CAleg", AgentA, "话务员 李娜", Start, CallBridge.Requested);

        transfer.TimelineNote().ShouldBe("来电三方转接 110（公安）：有人持刀");
        transfer.ApplyLegStatus("in-progress", Start).ShouldBeTrue();
        transfer.IsLive.ShouldBeTrue();
        transfer.ApplyLegStatus("completed", Start.AddMinutes(2)).ShouldBeTrue();
        transfer.IsLive.ShouldBeFalse();
        transfer.ApplyLegStatus("no-answer", Start.AddMinutes(3)).ShouldBeFalse();
        transfer.LegStatus.ShouldBe("completed");
        CallTransfer.Record(Guid.NewGuid(), CallTransferKind.Unit, "市水务局", null, null, Guid.NewGuid(), null, null, null, AgentA, "李娜", Start, CallBridge.Connected)
            .TimelineNote().ShouldBe("来电转接单位 市水务局");
    }

    [Fact]
    public void Twiml_Should_PutTheCallerInItsConference_WithTheWaitMessage()
    {
        new Twiml().DialConference("hotline-1", startOnEnter: false, endOnExit: true, "https://h.example/twilio/voice/hold").ToString().ShouldBe(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Dial><Conference beep=\"false\" startConferenceOnEnter=\"false\" endConferenceOnExit=\"true\" "
            + "waitUrl=\"https://h.example/twilio/voice/hold\" waitMethod=\"POST\">hotline-1</Conference></Dial></Response>");
        new Twiml().Say("请稍候").Pause(20).Redirect("https://h.example/twilio/voice/hold").ToString()
            .ShouldContain("<Pause length=\"20\" /><Redirect method=\"POST\">https://h.example/twilio/voice/hold</Redirect>");
    }

    private static Call Bridged()
    {
        var call = Call.Incoming("CA1", "+8613900000001", null, "in-progress", Start);
        call.Bridged(AgentA, "CAleg", "CF1", Start.AddSeconds(5));
        return call;
    }
}
