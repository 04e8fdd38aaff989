using Hotline.Contracts.Telephony;
using Hotline.Core.Data;
using Hotline.Core.Telephony;
using Hotline.Domain.Common;
using Hotline.Domain.Telephony;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Calls;

/// <summary>What every call placed for a staff member checks first (接听, 转接坐席, 回拨 of a missed call, 回访拨打).</summary>
internal static class AgentDialOut
{
    /// <summary>
    /// The staff member's own phone or browser that rings first (null on the local line, which connects at once); refuses
    /// when no line is configured, when Twilio has nothing to ring, or while the staff member is on a call.
    /// </summary>
    /// <param name="action">What is refused, in the messages (回拨, 拨打).</param>
    public static async Task<string?> DevicePhoneAsync(HotlineDbContext db, TwilioCredentials credentials, Guid userId, string action, CancellationToken ct)
    {
        if (credentials.Line == TelephonyLine.None)
        {
            throw new DomainException($"未配置电话线路（Twilio），无法{action}。");
        }

        var address = await RingAddressAsync(db, credentials, userId, ct);
        if (credentials.Line == TelephonyLine.Twilio)
        {
            EnsureRingable(address, $"请先设置接听电话（坐席话机或手机号码），{action}时先呼叫该号码。", action);
        }

        if (await db.Calls.AnyAsync(c => c.CurrentAgentId == userId && c.IsActive, ct))
        {
            throw new DomainException($"您正在通话中，结束当前通话后才能{action}。");
        }

        return address.To;
    }

    /// <summary>
    /// What Twilio rings for the agent, by their 接听方式: the browser softphone (<c>client:agent-…</c>, only when the
    /// softphone is configured) or their phone in E.164; <see cref="AgentAddress.To"/> is null when there is nothing to ring.
    /// </summary>
    public static async Task<AgentAddress> RingAddressAsync(HotlineDbContext db, TwilioCredentials credentials, Guid userId, CancellationToken ct)
    {
        var connection = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.CallConnection).FirstOrDefaultAsync(ct);
        if (connection == CallConnection.Browser)
        {
            return new AgentAddress(connection, credentials.SoftphoneConfigured ? TwilioAccessToken.ClientAddressOf(userId) : null);
        }

        var phone = await db.AgentPresences.AsNoTracking().Where(p => p.UserId == userId).Select(p => p.DevicePhone).FirstOrDefaultAsync(ct);
        return new AgentAddress(connection, phone is null ? null : PhoneNumbers.ToE164(phone));
    }

    /// <summary>Refuses (409) an address with nothing to ring, saying what to set.</summary>
    /// <param name="noPhone">The message for an agent on the phone without one.</param>
    public static void EnsureRingable(AgentAddress address, string noPhone, string action)
    {
        if (address.To is not null)
        {
            return;
        }

        throw new DomainException(address.Connection == CallConnection.Browser
            ? $"浏览器软电话未配置（Twilio 的 API 密钥和 TwiML 应用），无法在浏览器中{action}；请将接听方式改为电话，或联系管理员。"
            : noPhone);
    }
}

/// <summary>How an agent is reached (<see cref="CallConnection"/>) and the <c>To</c> Twilio dials for it, null when nothing is set.</summary>
internal sealed record AgentAddress(CallConnection Connection, string? To);
