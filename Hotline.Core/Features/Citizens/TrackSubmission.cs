using Hotline.Contracts;
using Hotline.Contracts.Citizens;
using Hotline.Core.Data;
using Hotline.Domain.Tickets;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Reference;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Citizens;

/// <summary>查询办理进度: the progress of a submission by its tracking code, with no personal data.</summary>
public sealed record TrackSubmission(string? TrackingCode) : IRequest<PublicSubmissionStatus>;

public sealed class TrackSubmissionHandler(HotlineDbContext db, ReferenceDataCache reference) : IRequestHandler<TrackSubmission, PublicSubmissionStatus>
{
    public async Task<PublicSubmissionStatus> Handle(TrackSubmission request, CancellationToken cancellationToken)
    {
        var code = Domain.Citizens.CitizenSubmission.NormalizeTrackingCode(request.TrackingCode);
        var ticket = code.Length == Domain.Citizens.CitizenSubmission.TrackingCodeLength
            ? await db.CitizenSubmissions.AsNoTracking()
                .Where(s => s.TrackingCode == code)
                .Join(db.Tickets.AsNoTracking(), s => s.TicketId, t => t.Id, (s, t) => t)
                .FirstOrDefaultAsync(cancellationToken)
            : null;
        if (ticket is null)
        {
            throw new NotFoundException("查询码", request.TrackingCode ?? string.Empty);
        }

        var snapshot = await reference.GetAsync(cancellationToken);
        return new PublicSubmissionStatus(
            ticket.Number,
            ticket.Status,
            PublicProgress.StatusText(ticket.Status),
            ticket.Channel,
            snapshot.CategoriesByCode.TryGetValue(ticket.CategoryCode, out var category) ? category.Name : ticket.CategoryCode,
            snapshot.DistrictsByCode.TryGetValue(ticket.Location.DistrictCode, out var district) ? district.Name : ticket.Location.DistrictCode,
            PublicProgress.HandlingUnitName(ticket, snapshot),
            ticket.CreatedAt,
            ticket.UpdatedAt,
            ticket.ClosedAt,
            PublicProgress.Answer(ticket));
    }
}

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
        CloseReason.ClosedBySupervisor => "经热线中心研判，该诉求已办结。",
        _ => ticket.Status is TicketStatus.Replied or TicketStatus.Closed ? ticket.ReplyAnswer : null,
    };
}
