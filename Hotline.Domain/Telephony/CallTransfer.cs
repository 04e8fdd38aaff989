using Hotline.Contracts.Telephony;

namespace Hotline.Domain.Telephony;

/// <summary>
/// One transfer (转接) of a live call: to another agent, to a unit's phone, or a three-way call with an emergency service
/// (三方转接 110/119/120/122). Append-only: the record of who sent the caller where, and when.
/// </summary>
public sealed class CallTransfer
{
    public const int NoteMaxLength = 500;

    /// <summary>The emergency services a call may be transferred to (domain: emergencies are transferred, not handled).</summary>
    public static readonly IReadOnlyDictionary<string, string> EmergencyServices = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["110"] = "110（公安）",
        ["119"] = "119（消防）",
        ["120"] = "120（急救）",
        ["122"] = "122（交警）",
    };

    private CallTransfer()
    {
    }

    public Guid Id { get; private set; }

    public Guid CallId { get; private set; }

    public CallTransferKind Kind { get; private set; }

    /// <summary>What the agent chose, in words: the agent's or unit's name, or the service (e.g. 110（公安）).</summary>
    public string Target { get; private set; } = null!;

    /// <summary>The number dialled (E.164 on Twilio); the local line dials nothing.</summary>
    public string? TargetNumber { get; private set; }

    public Guid? ToAgentId { get; private set; }

    public Guid? ToUnitId { get; private set; }

    public string? Service { get; private set; }

    public string? Note { get; private set; }

    /// <summary>The leg (<c>CA…</c>) of the target's phone in the conference.</summary>
    public string? LegSid { get; private set; }

    public Guid ByUserId { get; private set; }

    public string ByName { get; private set; } = null!;

    public DateTimeOffset At { get; private set; }

    public CallBridge Bridge { get; private set; }

    /// <summary>The last status Twilio reported for the target's leg (in-progress once answered; completed, no-answer, busy, failed, canceled at its end).</summary>
    public string? LegStatus { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>Whether the target's phone may still be on the call (not reported ended).</summary>
    public bool IsLive => EndedAt is null;

    /// <summary>Applies the status callback of the target's leg; the end is final.</summary>
    public bool ApplyLegStatus(string status, DateTimeOffset now)
    {
        if (EndedAt is not null || LegStatus == status)
        {
            return false;
        }

        LegStatus = status;
        if (Call.TerminalStatuses.Contains(status))
        {
            EndedAt = now;
        }

        return true;
    }

    public static CallTransfer Record(
        Guid callId, CallTransferKind kind, string target, string? targetNumber, Guid? toAgentId, Guid? toUnitId, string? service, string? note,
        string? legSid, Guid byUserId, string byName, DateTimeOffset at, CallBridge bridge) => new()
        {
            Id = Guid.NewGuid(),
            CallId = callId,
            Kind = kind,
            Target = target,
            TargetNumber = targetNumber,
            ToAgentId = toAgentId,
            ToUnitId = toUnitId,
            Service = service,
            Note = note,
            LegSid = legSid,
            ByUserId = byUserId,
            ByName = byName,
            At = at,
            Bridge = bridge,
        };

    /// <summary>The line on the order's timeline: e.g. 三方转接 110（公安），备注：… .</summary>
    public string TimelineNote() => (Kind switch
    {
        CallTransferKind.Emergency => "来电三方转接 " + Target,
        CallTransferKind.Unit => "来电转接单位 " + Target,
        _ => "来电转接坐席 " + Target,
    }) + (string.IsNullOrWhiteSpace(Note) ? string.Empty : "：" + Note);
}
