using Hotline.Contracts.Tickets;

namespace Hotline.Contracts.Exchange;

/// <summary>What a peer platform is: another hotline (orders are transferred to it and its status comes back) or an emergency service (hand-over records only).</summary>
public static class PeerKinds
{
    public const string Hotline = "Hotline";
    public const string Police = "110";
    public const string Fire = "119";
    public const string Ambulance = "120";
    public const string Traffic = "122";

    public static IReadOnlyList<string> All { get; } = [Hotline, Police, Fire, Ambulance, Traffic];

    public static IReadOnlyList<string> Emergency { get; } = [Police, Fire, Ambulance, Traffic];

    public static bool IsKnown(string? kind) => kind is not null && All.Contains(kind, StringComparer.Ordinal);

    public static bool IsEmergency(string? kind) => kind is not null && Emergency.Contains(kind, StringComparer.Ordinal);

    public static string Label(string kind) => kind switch
    {
        Hotline => "热线平台",
        Police => "110 报警",
        Fire => "119 消防",
        Ambulance => "120 急救",
        Traffic => "122 交通事故",
        _ => kind,
    };
}

/// <summary>
/// A peer as an Admin saves it. <c>key</c> names the link on both sides (the <c>Hotline-Peer</c> header); <c>secret</c>
/// signs every request both ways: on create given (16–200 visible ASCII characters) or generated; on update null keeps it.
/// <c>baseUrl</c>: the peer's exchange root, e.g. <c>https://12345.tj.example/api/exchange/</c>.
/// </summary>
public sealed record SavePeerRequest(string? Name, string? Kind, string? BaseUrl, string? Key, string? Secret, bool? Active);

public sealed record PeerDto(
    Guid Id,
    string Name,
    string Kind,
    string BaseUrl,
    string Key,
    bool Active,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    PeerStatsDto Stats);

/// <summary>The peer's outbox: messages waiting or retrying, given up (dead), and the last delivery and error.</summary>
public sealed record PeerStatsDto(int Pending, int Dead, DateTimeOffset? LastDeliveredAt, string? LastError);

/// <summary>The answer to a save: <c>secret</c> is the shared secret when it was set or generated now, else empty.</summary>
public sealed record PeerSavedDto(PeerDto Peer, string Secret);

/// <summary>A message the peer was given up on (dead after the retry window): what it carried and its last error.</summary>
public sealed record PeerDeadMessageDto(
    Guid Id,
    string Type,
    Guid TicketId,
    string TicketNumber,
    DateTimeOffset CreatedAt,
    int Attempts,
    DateTimeOffset? LastAttemptAt,
    int? LastStatusCode,
    string? LastError,
    DateTimeOffset? DeadAt);

/// <summary>Which dead messages to queue again: the ids given, or every one of the peer's when empty or left out.</summary>
public sealed record RedeliverPeerRequest(IReadOnlyList<Guid>? MessageIds);

/// <summary>How many of the peer's dead messages went back to the queue.</summary>
public sealed record PeerRedeliveredDto(int Requeued);

/// <summary>A hotline a supervisor may transfer an order to.</summary>
public sealed record TransferTargetDto(Guid Id, string Name);

/// <summary>转办其他平台: the peer hotline and a note for it; <c>version</c> as every change (or If-Match).</summary>
public sealed record TransferOutRequest(Guid? PeerId, string? Note, int? Version);

/// <summary>紧急移交: <c>service</c> is 110, 119, 120 or 122.</summary>
public sealed record EmergencyHandoverRequest(string? Service, string? Note, int? Version);

/// <summary>The order after a hand-over; <c>sent</c>: queued to the configured emergency peer <c>peerName</c>; false: recorded here only.</summary>
public sealed record EmergencyHandoverDto(TicketDto Ticket, bool Sent, string? PeerName);

/// <summary>The statuses a transferred-out order shows for its peer: <c>Pending</c> until the peer acknowledged, then the peer's order status.</summary>
public static class PeerTransferStatuses
{
    public const string Pending = "Pending";

    public static string Label(string status) =>
        status == Pending ? "待对方受理" : Enum.TryParse<TicketStatus>(status, out var s) ? ChineseLabels.Status(s) : status;
}

// The wire format between platforms (docs/integration.md, "Hand-over between hotlines").

/// <summary><c>POST {baseUrl}transfers</c>: an order handed over. <c>transferId</c> is the sender's, stable across retries.</summary>
public sealed record PeerTransferMessage(string Type, string TransferId, PeerOrder Order, string? Note, string SentBy, DateTimeOffset SentAt);

/// <summary>The order as the sender registered it: its number, classification (codes with names, as the receiver's codes may differ), citizen, place and content.</summary>
public sealed record PeerOrder(
    string Number,
    TicketType Type,
    Urgency Urgency,
    string CategoryCode,
    string? CategoryName,
    CitizenDto Citizen,
    LocationDto Location,
    string? DistrictName,
    string Content,
    DateTimeOffset CreatedAt);

/// <summary>The receiver's answer to a transfer (201 the first time, 200 for a repeat): its own order number and status.</summary>
public sealed record PeerTransferAck(string Reference, TicketStatus Status);

/// <summary><c>POST {baseUrl}transfers/{transferId}/status</c>: the receiver's order changed status; <c>version</c> orders the updates.</summary>
public sealed record PeerStatusMessage(string Type, string TransferId, string Reference, TicketStatus Status, int Version, string? Note, DateTimeOffset At);

/// <summary>The answer to a status update: <c>applied</c> false for one older than the last one applied (a repeat).</summary>
public sealed record PeerStatusAck(bool Applied);

/// <summary><c>POST {baseUrl}handovers</c>: 12345 → 110/119/120/122, the record of an emergency handed over by an agent.</summary>
public sealed record PeerHandoverMessage(
    string Type,
    string HandoverId,
    string Service,
    string OrderNumber,
    string? CallerName,
    string? CallerPhone,
    string? Address,
    string Content,
    string Agent,
    string? Note,
    DateTimeOffset At);

public static class PeerMessageTypes
{
    public const string Transfer = "transfer";
    public const string Status = "status";
    public const string Handover = "handover";
}
