using Hotline.Contracts;
using Hotline.Domain.Common;

namespace Hotline.Domain.Tickets;

/// <summary>
/// 跨平台转办 and 紧急移交 (docs/integration.md). An order that belongs to another hotline is closed here as
/// TransferredOut; the peer's acknowledgement and status updates are recorded on it afterwards (timeline entries on a
/// closed order, each a change of its own). An order transferred in remembers its source. An emergency hand-over is a
/// record on the timeline and changes nothing else.
/// </summary>
public sealed partial class Ticket
{
    public const int MaxPeerNameLength = 100;
    public const int MaxPeerReferenceLength = 64;

    /// <summary>The sender's id of this order's transfer out (the outbox message and the peer's status updates name it).</summary>
    public Guid? TransferOutId { get; private set; }

    public Guid? TransferPeerId { get; private set; }

    public string? TransferPeerName { get; private set; }

    /// <summary>The peer's order number, once it acknowledged the transfer.</summary>
    public string? TransferPeerReference { get; private set; }

    /// <summary><c>Pending</c> until acknowledged, then the peer's <see cref="TicketStatus"/> name.</summary>
    public string? TransferPeerStatus { get; private set; }

    /// <summary>The peer order's version of the last status applied: older or repeated updates are ignored.</summary>
    public int? TransferPeerVersion { get; private set; }

    public DateTimeOffset? TransferPeerUpdatedAt { get; private set; }

    /// <summary>The peer that transferred this order in (channel Transfer).</summary>
    public Guid? SourcePeerId { get; private set; }

    public string? SourcePeerName { get; private set; }

    /// <summary>The sender's transfer id: status updates go back under it.</summary>
    public string? SourceTransferId { get; private set; }

    /// <summary>The sender's order number.</summary>
    public string? SourceReference { get; private set; }

    /// <summary>转办其他平台: the order is the peer's to handle; closed here, counted in no rate.</summary>
    public void TransferOut(Guid transferId, Guid peerId, string peerName, string? note, Actor actor, DateTimeOffset now)
    {
        if (CloseReason == Contracts.CloseReason.TransferredOut)
        {
            throw new DomainException($"该工单已转办至 {TransferPeerName}，不能重复转办。");
        }

        if (!IsOpen)
        {
            throw new DomainException("工单已办结，不能转办。");
        }

        if (Status == TicketStatus.Replied)
        {
            throw new DomainException("工单已答复、等待回访，不能转办。");
        }

        (TransferOutId, TransferPeerId, TransferPeerName) = (transferId, peerId, peerName);
        (TransferPeerStatus, TransferPeerUpdatedAt, TransferPeerReference, TransferPeerVersion) = (Contracts.Exchange.PeerTransferStatuses.Pending, now, null, null);
        var text = string.IsNullOrWhiteSpace(note) ? $"转办至 {peerName}" : $"转办至 {peerName}：{note.Trim()}";
        CloseAs(Contracts.CloseReason.TransferredOut, TimelineActions.TransferredOut, text, actor, now);
        Raise(new TicketTransferredOut(Id, Number, Status, Version, now, peerId, transferId));
    }

    /// <summary>
    /// The peer answered the transfer with its order number. A repeat (the message was sent again after a lost answer)
    /// changes nothing; answers false then.
    /// </summary>
    public bool AcknowledgeTransfer(string reference, TicketStatus peerStatus, DateTimeOffset now)
    {
        RequireTransferredOut();
        if (TransferPeerReference == reference)
        {
            return false;
        }

        TransferPeerReference = reference;
        if (TransferPeerVersion is null)
        {
            (TransferPeerStatus, TransferPeerUpdatedAt) = (peerStatus.ToString(), now);
        }

        Record(TimelineActions.TransferAcknowledged, PeerActor(), Status, Status, $"{TransferPeerName} 已受理，对方工单编号 {reference}", now);
        Raise(new TransferStatusUpdated(Id, Number, Status, Version, now, TransferPeerId!.Value, TransferPeerStatus!));
        return true;
    }

    /// <summary>
    /// The peer's order changed status. Updates carry the peer order's version: one not newer than the last applied
    /// (a retry, or one overtaken by a later one) changes nothing and answers false.
    /// </summary>
    public bool RecordPeerStatus(string reference, TicketStatus peerStatus, int peerVersion, string? note, DateTimeOffset at, DateTimeOffset now)
    {
        RequireTransferredOut();
        if (TransferPeerVersion is { } last && peerVersion <= last)
        {
            return false;
        }

        TransferPeerReference ??= reference;
        (TransferPeerStatus, TransferPeerVersion, TransferPeerUpdatedAt) = (peerStatus.ToString(), peerVersion, at);
        var text = $"{TransferPeerName}（工单 {reference}）：{ChineseLabels.Status(peerStatus)}";
        Record(TimelineActions.TransferStatusUpdated, PeerActor(), Status, Status, string.IsNullOrWhiteSpace(note) ? text : $"{text}。{note.Trim()}", now);
        Raise(new TransferStatusUpdated(Id, Number, Status, Version, now, TransferPeerId!.Value, TransferPeerStatus));
        return true;
    }

    /// <summary>An order just registered from a peer's transfer remembers where it came from.</summary>
    public void SetTransferSource(Guid peerId, string peerName, string transferId, string reference)
    {
        if (Channel != Channel.Transfer || SourcePeerId is not null)
        {
            throw new DomainException("只有转办渠道的新工单可以记录来源平台。");
        }

        (SourcePeerId, SourcePeerName, SourceTransferId, SourceReference) = (peerId, peerName, transferId, reference);
    }

    /// <summary>
    /// 紧急移交 to 110/119/120/122: a record on the timeline. <paramref name="peerName"/> is the emergency peer the record
    /// is sent to, or null when none is configured (the hand-over is made by phone and only recorded here).
    /// </summary>
    public void RecordEmergencyHandover(string service, string? peerName, string? note, Actor actor, DateTimeOffset now)
    {
        if (!Contracts.Exchange.PeerKinds.IsEmergency(service))
        {
            throw new DomainException($"未知的紧急服务 {service}：只能是 110、119、120 或 122。");
        }

        var how = peerName is null ? $"未配置 {service} 对接平台，仅本地记录（请电话移交）" : $"移交记录已发送至 {peerName}";
        var text = $"紧急移交 {service}：{how}";
        Record(TimelineActions.EmergencyHandedOver, actor, Status, Status, string.IsNullOrWhiteSpace(note) ? text : $"{text}。{note.Trim()}", now);
        Raise(new EmergencyHandedOver(Id, Number, Status, Version, now, service, peerName is not null));
    }

    private void RequireTransferredOut()
    {
        if (CloseReason != Contracts.CloseReason.TransferredOut || TransferPeerId is null)
        {
            throw new DomainException("该工单没有转办至其他平台。");
        }
    }

    private Actor PeerActor() => Actor.System($"peer:{TransferPeerName}");
}
