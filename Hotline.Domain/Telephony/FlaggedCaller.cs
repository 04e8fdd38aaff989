using Hotline.Contracts.Telephony;
using Hotline.Domain.Common;

namespace Hotline.Domain.Telephony;

/// <summary>
/// A malicious or repeat caller's number (恶意来电), keyed by the normalized phone, with why, who added it and until when.
/// <see cref="FlaggedCallerPolicy.Warn"/>: the agent sees the warning when the call rings. <see cref="FlaggedCallerPolicy.Limit"/>:
/// warned too, and the calls beyond <see cref="DailyLimit"/> a China-time day hear a polite message instead of the queue and are
/// recorded as limited. A flagged caller is never silently dropped. An expired entry has no effect.
/// </summary>
public sealed class FlaggedCaller
{
    public const int ReasonMaxLength = 200;
    public const int MaxDailyLimit = 100;

    private FlaggedCaller()
    {
    }

    public FlaggedCaller(string phone, string reason, FlaggedCallerPolicy policy, int? dailyLimit, DateTimeOffset? expiresAt, string by, DateTimeOffset now)
    {
        Phone = phone;
        AddedBy = by;
        AddedAt = now;
        Change(reason, policy, dailyLimit, expiresAt, by, now);
    }

    public string Phone { get; private set; } = null!;

    public string Reason { get; private set; } = null!;

    public FlaggedCallerPolicy Policy { get; private set; }

    /// <summary>Calls a China-time day that reach the queue under <see cref="FlaggedCallerPolicy.Limit"/>; null for Warn.</summary>
    public int? DailyLimit { get; private set; }

    /// <summary>No effect from this instant on; null: until removed.</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    public string AddedBy { get; private set; } = null!;

    public DateTimeOffset AddedAt { get; private set; }

    public string UpdatedBy { get; private set; } = null!;

    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsActiveAt(DateTimeOffset now) => ExpiresAt is null || ExpiresAt > now;

    public void Change(string reason, FlaggedCallerPolicy policy, int? dailyLimit, DateTimeOffset? expiresAt, string by, DateTimeOffset now)
    {
        reason = reason.Trim();
        if (reason.Length is 0 or > ReasonMaxLength)
        {
            throw new DomainException($"请填写标记原因（不超过 {ReasonMaxLength} 个字）。");
        }

        if (policy == FlaggedCallerPolicy.Limit && dailyLimit is not (>= 1 and <= MaxDailyLimit))
        {
            throw new DomainException($"“限制”策略需要每日来电次数上限（1 至 {MaxDailyLimit} 次）。");
        }

        if (expiresAt is { } expires && expires <= now)
        {
            throw new DomainException("到期时间必须晚于现在。");
        }

        Reason = reason;
        Policy = policy;
        DailyLimit = policy == FlaggedCallerPolicy.Limit ? dailyLimit : null;
        ExpiresAt = expiresAt?.ToUniversalTime();
        UpdatedBy = by;
        UpdatedAt = now;
    }

    /// <summary>
    /// Whether a call is over the daily limit, given how many calls from the number reached the hotline earlier the same
    /// China-time day (<paramref name="earlierCallsToday"/>): the first <see cref="DailyLimit"/> calls are queued, later ones limited.
    /// </summary>
    public bool Limits(int earlierCallsToday, DateTimeOffset now) =>
        IsActiveAt(now) && Policy == FlaggedCallerPolicy.Limit && DailyLimit is { } limit && earlierCallsToday >= limit;
}
