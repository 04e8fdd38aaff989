using Hotline.Contracts;
using Hotline.Contracts.Realtime;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Tickets;
using Hotline.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Realtime;

/// <summary>
/// The console's real-time channel at <c>/hubs/hotline</c>. It only joins groups: by role, by unit and by user,
/// from the token's claims on every connect (membership does not survive a reconnect), and by watched order
/// on request. All writes go through HTTP. It lives in Hotline.Core so that the worker can publish through
/// the same hub type over the Redis backplane.
/// </summary>
[Authorize]
public sealed class HotlineHub(HotlineDbContext db) : Hub<IHotlineClient>
{
    public const string Path = "/hubs/hotline";

    public override async Task OnConnectedAsync()
    {
        var actor = ClaimsActor.From(Context.User);
        foreach (var role in actor.Roles)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Role(role));
        }

        if (actor.IsDepartment)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Unit(actor.UnitId!.Value));
        }

        if (actor.UserId is { } userId)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.User(userId));
        }

        await base.OnConnectedAsync();
    }

    /// <summary>
    /// Follow one order (the detail page). Refused for an order the caller may not see. A unit's connection joins
    /// the order's group for its unit, which hears of the order only while the unit is on it (see <see cref="HubGroups.WatchedBy"/>).
    /// </summary>
    public async Task WatchTicket(Guid ticketId)
    {
        var actor = ClaimsActor.From(Context.User);
        var visible = await db.Tickets.AsNoTracking().VisibleTo(actor).AnyAsync(t => t.Id == ticketId);
        if (!visible)
        {
            throw new HubException("工单不存在。");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.WatchedBy(ticketId, actor));
    }

    public Task UnwatchTicket(Guid ticketId) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.WatchedBy(ticketId, ClaimsActor.From(Context.User)));
}

public static class HubGroups
{
    public static string Role(string role) => $"role:{role}";

    public static string Unit(Guid unitId) => $"unit:{unitId}";

    public static string User(Guid userId) => $"user:{userId}";

    /// <summary>Watchers of an order who see every order (the centre's roles).</summary>
    public static string Ticket(Guid ticketId) => $"ticket:{ticketId}";

    /// <summary>Watchers of an order from one unit: pushed to only while that unit is on the order.</summary>
    public static string TicketForUnit(Guid ticketId, Guid unitId) => $"ticket:{ticketId}:unit:{unitId}";

    /// <summary>
    /// The watch group of a connection: the order's group for the centre's roles, the order's group for the unit for a
    /// unit. A push names the unit groups of the units on the order after the change, so a unit that watched an order
    /// hears nothing more once the order moved away from it, on every node (group names travel over the backplane;
    /// removing a connection from a group works only on the node that holds it).
    /// </summary>
    public static string WatchedBy(Guid ticketId, Actor actor) =>
        actor.IsDepartment && !TicketAccess.SeesAllOrders(actor) ? TicketForUnit(ticketId, actor.UnitId!.Value) : Ticket(ticketId);

    public static readonly string Agents = Role(Roles.Agent);
    public static readonly string Supervisors = Role(Roles.Supervisor);
    public static readonly string CallbackStaff = Role(Roles.Callback);
}
