using Hotline.Core.Data;
using Hotline.Domain.Tickets;
using Hotline.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Tickets;

/// <summary>
/// The names people read on a timeline: a user's display name (话务员 李敏, 市自来水集团) for a login, a Chinese name
/// for the system's own actors (the deadline sweep, the web form, Open311), the id itself for anything else.
/// </summary>
public static class ActorNames
{
    private static readonly Dictionary<string, string> Systems = new(StringComparer.Ordinal)
    {
        ["system"] = "系统",
        ["deadline-sweep"] = "系统（时限巡检）",
        ["web"] = "市民（网上表单）",
        ["open311"] = "Open311 接口",
        ["anonymous"] = "匿名用户",
        ["demo"] = "系统（演示数据）",
    };

    /// <summary>A peer platform (跨平台转办) acts as <c>peer:</c> and its name.</summary>
    public const string PeerPrefix = "peer:";

    public static string Of(string actorUserName, IReadOnlyDictionary<string, string>? users) =>
        users?.GetValueOrDefault(actorUserName) is { Length: > 0 } displayName ? displayName
        : actorUserName.StartsWith(PeerPrefix, StringComparison.Ordinal) ? $"{actorUserName[PeerPrefix.Length..]}（对接平台）"
        : Systems.GetValueOrDefault(actorUserName, actorUserName);

    /// <summary>The display names of the users on <paramref name="timeline"/>, by login (one query).</summary>
    public static Task<IReadOnlyDictionary<string, string>> ReadAsync(HotlineDbContext db, IEnumerable<TimelineEntry> timeline, CancellationToken ct) =>
        ReadAsync(db, timeline.Select(e => e.ActorUserName), ct);

    /// <summary>The display names of the users among <paramref name="actorUserNames"/>, by login (one query).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ReadAsync(HotlineDbContext db, IEnumerable<string> actorUserNames, CancellationToken ct)
    {
        var logins = actorUserNames.Where(n => !Systems.ContainsKey(n) && !n.StartsWith(PeerPrefix, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        if (logins.Count == 0)
        {
            return new Dictionary<string, string>();
        }

        var names = await db.Users.AsNoTracking().Where(u => logins.Contains(u.UserName)).ToDictionaryAsync(u => u.UserName, u => u.DisplayName, StringComparer.Ordinal, ct);
        var clientIds = logins.Where(n => n.StartsWith(UnitClient.ClientIdPrefix, StringComparison.Ordinal) && !names.ContainsKey(n)).ToList();
        if (clientIds.Count > 0)
        {
            // A unit's own system (docs/integration.md) acts under its client id; people read its name.
            foreach (var client in await db.UnitClients.AsNoTracking().Where(c => clientIds.Contains(c.ClientId)).Select(c => new { c.ClientId, c.Name }).ToListAsync(ct))
            {
                names[client.ClientId] = SystemNameOf(client.Name);
            }
        }

        return names;
    }

    /// <summary>How a unit's system is named where people read it.</summary>
    public static string SystemNameOf(string clientName) => $"{clientName}（系统对接）";
}
