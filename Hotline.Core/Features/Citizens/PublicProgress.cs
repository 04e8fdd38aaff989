using Hotline.Contracts;
using Hotline.Domain.Tickets;
using Hotline.Core.Features.Reference;

namespace Hotline.Core.Features.Citizens;

/// <summary>What the public may learn about an order's progress (the tracking page and Open311 share it).</summary>
public static class PublicProgress
{
    public static string StatusText(TicketStatus status) => status switch
    {
        TicketStatus.Registered => "已收到，等待受理",
        TicketStatus.Dispatched or TicketStatus.Accepted or TicketStatus.ReturnRequested => "办理中",
        TicketStatus.Replied => "承办单位已答复，等待回访",
        _ => "已办结",
    };

    /// <summary>Open311's public <c>status_notes</c>: a fixed text by status, never free text.</summary>
    public static string Open311Note(TicketStatus status) => status switch
    {
        TicketStatus.Registered => "已收到",
        TicketStatus.Closed => "已办结",
        TicketStatus.Replied => "已答复",
        _ => "办理中",
    };

    public static string? HandlingUnitName(Ticket ticket, ReferenceSnapshot snapshot) =>
        ticket.LeadUnitId is { } id && snapshot.UnitsById.TryGetValue(id, out var unit) ? unit.Name : null;

    /// <summary>
    /// The answer meant for the citizen: the agent's answer on the spot or the lead unit's reply. Internal
    /// notes (return reasons, a supervisor's closing note) are never shown; those closings get a fixed text.
    /// </summary>
    public static string? Answer(Ticket ticket) => ticket.CloseReason switch
    {
        CloseReason.Answered => ticket.Answer,
        CloseReason.Duplicate => "该诉求与其他市民反映的同一问题合并办理。",
        CloseReason.Invalid => "经核实，该诉求不属于热线受理范围，已办结。",
        CloseReason.Split => "该来电包含多项诉求，已拆分为多个工单分别办理。",
        CloseReason.TransferredOut => "该诉求属于其他地区，已转交当地热线办理。",
        CloseReason.ClosedBySupervisor => "经热线中心研判，该诉求已办结。",
        _ => ticket.Status is TicketStatus.Replied or TicketStatus.Closed ? ticket.ReplyAnswer : null,
    };
}
