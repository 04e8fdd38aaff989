using Hotline.Core.Data;
using Hotline.Core.Telephony;
using Hotline.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Calls;

/// <summary>What every call placed for a staff member checks first (回拨 of a missed call, 回访拨打).</summary>
internal static class AgentDialOut
{
    /// <summary>
    /// The staff member's own phone that rings first (null on the local line, which connects at once); refuses when no
    /// line is configured, when Twilio has no phone to ring, or while the staff member is on a call.
    /// </summary>
    /// <param name="action">What is refused, in the messages (回拨, 拨打).</param>
    public static async Task<string?> DevicePhoneAsync(HotlineDbContext db, TwilioCredentials credentials, Guid userId, string action, CancellationToken ct)
    {
        if (credentials.Line == TelephonyLine.None)
        {
            throw new DomainException($"未配置电话线路（Twilio），无法{action}。");
        }

        var device = await db.AgentPresences.AsNoTracking().Where(p => p.UserId == userId).Select(p => p.DevicePhone).FirstOrDefaultAsync(ct);
        if (credentials.Line == TelephonyLine.Twilio && device is null)
        {
            throw new DomainException($"请先设置接听电话（坐席话机或手机号码），{action}时先呼叫该号码。");
        }

        if (await db.Calls.AnyAsync(c => c.CurrentAgentId == userId && c.IsActive, ct))
        {
            throw new DomainException($"您正在通话中，结束当前通话后才能{action}。");
        }

        return device;
    }
}
