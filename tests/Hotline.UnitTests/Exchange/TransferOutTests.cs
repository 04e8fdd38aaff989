using Hotline.Contracts;
using Hotline.Contracts.Exchange;
using Hotline.Core.Features.Kpis;
using Hotline.Core.Features.Kpis.Counts;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Hotline.UnitTests.Support;
using Shouldly;

namespace Hotline.UnitTests.Exchange;

/// <summary>跨平台转办 and 紧急移交 on the order (docs/integration.md, "Hand-over between hotlines").</summary>
public sealed class TransferOutTests
{
    private static readonly Guid PeerId = Guid.NewGuid();

    private readonly TicketScenario _s = new();

    [Theory]
    [InlineData(TicketStatus.Registered)]
    [InlineData(TicketStatus.Dispatched)]
    [InlineData(TicketStatus.Accepted)]
    [InlineData(TicketStatus.ReturnRequested)]
    public void TransferOut_Should_CloseAsTransferredOut_WithThePeerPending_When_TheOrderIsOpen(TicketStatus status)
    {
        var ticket = _s.InStatus(status);
        var probe = new StepProbe(ticket);
        var now = _s.Tick();
        var transferId = Guid.NewGuid();

        ticket.TransferOut(transferId, PeerId, "天津12345", " 属于天津市 ", _s.Supervisor, now);

        (ticket.Status, ticket.CloseReason).ShouldBe((TicketStatus.Closed, CloseReason.TransferredOut));
        (ticket.TransferOutId, ticket.TransferPeerId, ticket.TransferPeerName, ticket.TransferPeerStatus).ShouldBe((transferId, PeerId, "天津12345", PeerTransferStatuses.Pending));
        ticket.TransferPeerReference.ShouldBeNull();
        probe.ShouldHaveRecorded(TimelineActions.TransferredOut, status, TicketStatus.Closed, now).Note.ShouldBe("转办至 天津12345：属于天津市");
        probe.NewEvents.OfType<TicketClosed>().ShouldHaveSingleItem().Reason.ShouldBe(CloseReason.TransferredOut);
        probe.NewEvents.OfType<TicketTransferredOut>().ShouldHaveSingleItem().TransferId.ShouldBe(transferId);
    }

    [Fact]
    public void TransferOut_Should_BeRefused_When_AlreadyTransferred_OrClosed_OrReplied()
    {
        var transferred = _s.Registered();
        transferred.TransferOut(Guid.NewGuid(), PeerId, "天津12345", null, _s.Supervisor, _s.Tick());
        var probe = new StepProbe(transferred);
        Should.Throw<DomainException>(() => transferred.TransferOut(Guid.NewGuid(), PeerId, "天津12345", null, _s.Supervisor, _s.Tick()))
            .Message.ShouldContain("不能重复转办");
        probe.ShouldBeUnchanged();

        var closed = new TicketScenario().Closed();
        Should.Throw<DomainException>(() => closed.TransferOut(Guid.NewGuid(), PeerId, "天津12345", null, _s.Supervisor, _s.Tick())).Message.ShouldContain("已办结");
        closed.CloseReason.ShouldNotBe(CloseReason.TransferredOut);

        var replied = new TicketScenario().Replied();
        Should.Throw<DomainException>(() => replied.TransferOut(Guid.NewGuid(), PeerId, "天津12345", null, _s.Supervisor, _s.Tick())).Message.ShouldContain("已答复");
        replied.Status.ShouldBe(TicketStatus.Replied);
    }

    [Fact]
    public void Acknowledgement_Should_RecordThePeersNumberOnce_When_TheTransferIsAnsweredTwice()
    {
        var ticket = _s.Registered();
        ticket.TransferOut(Guid.NewGuid(), PeerId, "天津12345", null, _s.Supervisor, _s.Tick());
        var version = ticket.Version;

        ticket.AcknowledgeTransfer("TJ-0042", TicketStatus.Registered, _s.Tick()).ShouldBeTrue();
        ticket.AcknowledgeTransfer("TJ-0042", TicketStatus.Registered, _s.Tick()).ShouldBeFalse("a transfer sent again after a lost answer changes nothing");

        (ticket.TransferPeerReference, ticket.TransferPeerStatus, ticket.Version).ShouldBe(("TJ-0042", nameof(TicketStatus.Registered), version + 1));
        ticket.Timeline.Count(e => e.Action == TimelineActions.TransferAcknowledged).ShouldBe(1);
        ticket.Timeline.Last().ActorUserName.ShouldBe("peer:天津12345");
    }

    [Fact]
    public void PeerStatus_Should_ApplyNewerVersionsOnly_When_UpdatesRepeatOrArriveLate()
    {
        var ticket = _s.Registered();
        ticket.TransferOut(Guid.NewGuid(), PeerId, "天津12345", null, _s.Supervisor, _s.Tick());
        var at = _s.Tick();

        ticket.RecordPeerStatus("TJ-0042", TicketStatus.Dispatched, 2, null, at, _s.Tick()).ShouldBeTrue();
        ticket.RecordPeerStatus("TJ-0042", TicketStatus.Replied, 5, "已处理", at.AddHours(1), _s.Tick()).ShouldBeTrue();
        ticket.RecordPeerStatus("TJ-0042", TicketStatus.Accepted, 3, null, at.AddMinutes(30), _s.Tick()).ShouldBeFalse("overtaken by version 5");
        ticket.RecordPeerStatus("TJ-0042", TicketStatus.Replied, 5, "已处理", at.AddHours(1), _s.Tick()).ShouldBeFalse("a repeat");

        (ticket.TransferPeerStatus, ticket.TransferPeerVersion, ticket.TransferPeerReference, ticket.TransferPeerUpdatedAt)
            .ShouldBe((nameof(TicketStatus.Replied), (int?)5, "TJ-0042", (DateTimeOffset?)at.AddHours(1)));
        ticket.Timeline.Where(e => e.Action == TimelineActions.TransferStatusUpdated).Select(e => e.Note)
            .ShouldBe(["天津12345（工单 TJ-0042）：待签收", "天津12345（工单 TJ-0042）：待回访。已处理"]);
        ticket.AcknowledgeTransfer("TJ-0042", TicketStatus.Registered, _s.Tick()).ShouldBeFalse();
        ticket.TransferPeerStatus.ShouldBe(nameof(TicketStatus.Replied), "a late acknowledgement does not undo a newer status");
    }

    [Fact]
    public void PeerStatus_Should_BeRefused_When_TheOrderWasNotTransferredOut()
    {
        var ticket = _s.Closed();

        Should.Throw<DomainException>(() => ticket.RecordPeerStatus("X", TicketStatus.Dispatched, 1, null, _s.Now, _s.Tick()));
        Should.Throw<DomainException>(() => ticket.AcknowledgeTransfer("X", TicketStatus.Registered, _s.Tick()));
    }

    [Fact]
    public void TransferSource_Should_BeSetOnce_OnAnOrderOfChannelTransfer_Only()
    {
        var phone = _s.Registered();
        Should.Throw<DomainException>(() => phone.SetTransferSource(PeerId, "北京12345", "t-1", "BJ-1"));

        var transferred = Ticket.Register(Guid.NewGuid(), "12345-20260601-0002", Channel.Transfer, TicketType.Complaint, "0101", Urgency.Normal,
            new Citizen("李四", TicketScenario.Phone, false), new TicketLocation("110101", null, "和平路 1 号", null, null), "转来的诉求", null, null, null,
            Actor.System("peer:北京12345"), _s.Now);
        transferred.SetTransferSource(PeerId, "北京12345", "t-1", "BJ-1");
        (transferred.SourcePeerId, transferred.SourcePeerName, transferred.SourceTransferId, transferred.SourceReference).ShouldBe((PeerId, "北京12345", "t-1", "BJ-1"));
        Should.Throw<DomainException>(() => transferred.SetTransferSource(PeerId, "北京12345", "t-2", "BJ-2"));
    }

    [Fact]
    public void EmergencyHandover_Should_RecordWhetherItWasSent_AndRefuseAnUnknownService()
    {
        var ticket = _s.Registered();
        var probe = new StepProbe(ticket);
        var now = _s.Tick();

        ticket.RecordEmergencyHandover("110", "市公安局110指挥中心", "持刀伤人", _s.Agent, now);
        ticket.RecordEmergencyHandover("120", null, null, _s.Agent, now);

        ticket.Status.ShouldBe(TicketStatus.Registered, "a hand-over changes nothing else");
        probe.NewEntries.Select(e => e.Note).ShouldBe(["紧急移交 110：移交记录已发送至 市公安局110指挥中心。持刀伤人", "紧急移交 120：未配置 120 对接平台，仅本地记录（请电话移交）"]);
        probe.NewEvents.OfType<EmergencyHandedOver>().Select(e => (e.Service, e.Sent)).ShouldBe([("110", true), ("120", false)]);
        Should.Throw<DomainException>(() => ticket.RecordEmergencyHandover("999", null, null, _s.Agent, _s.Tick()));
    }

    [Fact]
    public void Contribution_Should_CountTheRegistrationOnly_When_ADispatchedOrderIsTransferredOut()
    {
        var ticket = _s.Dispatched();
        ticket.TransferOut(Guid.NewGuid(), PeerId, "天津12345", null, _s.Supervisor, _s.Tick());

        var rows = KpiContribution.Of(KpiSnapshot.Of(ticket)).ToList();

        rows.ShouldContain(r => r.Dimension == KpiDimension.Channel && r.Registered == 1, "the call was taken here: it counts in the volumes");
        rows.ShouldNotContain(r => r.Dimension == KpiDimension.Unit, "no rate of any unit");
        rows.Sum(r => r.Dispatched + r.ResponseLate + r.ReplyLate + r.OverdueOpen + r.HotSpot).ShouldBe(0);
    }
}
