using FluentValidation;
using Hotline.Contracts;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Domain.Telephony;
using Hotline.Core.Features.Common;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Hotline.Core.Features.Deadlines;
using MediatR;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Tickets.ListTickets;

/// <summary>
/// The order list with filters. <c>overdue=true</c> lists orders with a running deadline already passed,
/// the latest first (by how long ago it passed).
/// </summary>
public sealed record ListTickets(
    TicketStatus? Status,
    Guid? UnitId,
    bool? Overdue,
    string? Q,
    Urgency? Urgency,
    Channel? Channel,
    int Page = 1,
    int PageSize = 50,
    bool? NearDue = null,
    bool? Escalated = null,
    bool? PendingExtension = null,
    bool? ReviewPending = null,
    bool? Suspended = null,
    bool? Instructed = null,
    TicketFlag? Flag = null,
    bool? AssessmentPending = null,
    string? DistrictCode = null,
    string? CategoryCode = null,
    bool? Rework = null,
    TicketSort? Sort = null,
    bool? Open = null) : IRequest<PagedResult<TicketListItemDto>>;

public sealed class ListTicketsValidator : AbstractValidator<ListTickets>
{
    public ListTicketsValidator()
    {
        RuleFor(x => x.Page).InclusiveBetween(1, 100_000).OverridePropertyName("page");
        RuleFor(x => x.PageSize).InclusiveBetween(1, 200).OverridePropertyName("pageSize");
        RuleFor(x => x.Q).MaximumLength(100).OverridePropertyName("q");
        RuleFor(x => x.Status).IsInEnum().OverridePropertyName("status");
        RuleFor(x => x.Urgency).IsInEnum().OverridePropertyName("urgency");
        RuleFor(x => x.Channel).IsInEnum().OverridePropertyName("channel");
        RuleFor(x => x.Flag).IsInEnum().OverridePropertyName("flag");
        RuleFor(x => x.Sort).IsInEnum().OverridePropertyName("sort");
        RuleFor(x => x.DistrictCode).MaximumLength(32).OverridePropertyName("districtCode");
        RuleFor(x => x.CategoryCode).MaximumLength(32).OverridePropertyName("categoryCode");
    }
}

public sealed class ListTicketsHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time, IOptions<DeadlineOptions> deadlines)
    : IRequestHandler<ListTickets, PagedResult<TicketListItemDto>>
{
    public async Task<PagedResult<TicketListItemDto>> Handle(ListTickets request, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor;
        var now = time.GetUtcNow();
        var query = db.Tickets.AsNoTracking().VisibleTo(actor).Matching(request, actor, now, deadlines.Value.NearDueWindow);
        var total = await query.CountAsync(cancellationToken);
        var ordered = query.Ordered(request);
        var items = await ordered
            .Skip((request.Page - 1) * request.PageSize)
            .Take(request.PageSize)
            .Select(TicketListQuery.ListItem(now))
            .ToListAsync(cancellationToken);

        return new PagedResult<TicketListItemDto>(items, total);
    }
}

/// <summary>The list's filters and orders, shared by <c>GET /api/tickets</c> and its export.</summary>
internal static class TicketListQuery
{
    /// <summary>The list's row of an order, <c>overdue</c> as of <paramref name="now"/> (also the rows of a KPI drill-down).</summary>
    public static System.Linq.Expressions.Expression<Func<Ticket, TicketListItemDto>> ListItem(DateTimeOffset now) =>
        t => new TicketListItemDto(
            t.Id,
            t.Number,
            t.Status,
            t.Type,
            t.CategoryCode,
            t.Urgency,
            t.LeadUnitId,
            t.CreatedAt,
            t.Clocks.NextDueAt,
            t.Clocks.NextDueAt != null && t.Clocks.NextDueAt < now)
        {
            ContentPreview = t.Content.Length > TicketListItemDto.PreviewLength ? t.Content.Substring(0, TicketListItemDto.PreviewLength) + "…" : t.Content,
            DistrictCode = t.Location.DistrictCode,
            StreetCode = t.Location.StreetCode,
            Address = t.Location.Address,
            ReworkCount = t.ReworkCount,
            Instructed = t.InstructionCount > 0,
            Hard = t.FlaggedHard,
            Typical = t.FlaggedTypical,
            AssessmentPending = t.AssessmentPending,
        };

    public static IQueryable<Ticket> Matching(this IQueryable<Ticket> query, ListTickets request, Actor actor, DateTimeOffset now, TimeSpan nearDueWindow)
    {

        if (request.Status is { } status)
        {
            query = query.Where(t => t.Status == status);
        }

        if (request.UnitId is { } unitId)
        {
            query = query.Where(t => t.LeadUnitId == unitId || t.Participants.Any(p => p.UnitId == unitId));
        }

        if (request.Urgency is { } urgency)
        {
            query = query.Where(t => t.Urgency == urgency);
        }

        if (request.Channel is { } channel)
        {
            query = query.Where(t => t.Channel == channel);
        }

        if (request.Overdue == true)
        {
            query = query.Where(t => t.Clocks.NextDueAt != null && t.Clocks.NextDueAt < now);
        }
        else if (request.Overdue == false)
        {
            query = query.Where(t => t.Clocks.NextDueAt == null || t.Clocks.NextDueAt >= now);
        }

        if (request.NearDue == true)
        {
            var horizon = now + nearDueWindow;
            query = query.Where(t => t.Clocks.NextDueAt != null && t.Clocks.NextDueAt >= now && t.Clocks.NextDueAt <= horizon);
        }

        if (request.Escalated == true)
        {
            query = query.Where(t => t.Status != TicketStatus.Closed && (t.Clocks.AlertsRaised & AlertFlags.AnyOverdue) != AlertFlags.None);
        }

        if (request.PendingExtension == true)
        {
            query = query.Where(t => t.PendingExtension != null && t.Status != TicketStatus.Closed);
        }

        if (request.ReviewPending == true)
        {
            query = query.Where(t => t.Status == TicketStatus.Replied && t.ReviewStatus == ReviewStatus.Pending);
        }

        if (request.Suspended == true)
        {
            query = query.Where(t => t.Status != TicketStatus.Closed && (t.SuspensionStatus == SuspensionStatus.Pending || t.SuspensionStatus == SuspensionStatus.Suspended));
        }

        // 领导批示 tracked until the order closes; the flags; the 待研判 queue of Registered orders.
        if (request.Instructed == true)
        {
            query = query.Where(t => t.InstructionCount > 0 && t.Status != TicketStatus.Closed);
        }

        if (request.Flag == TicketFlag.Hard)
        {
            query = query.Where(t => t.FlaggedHard);
        }
        else if (request.Flag == TicketFlag.Typical)
        {
            query = query.Where(t => t.FlaggedTypical);
        }

        if (request.AssessmentPending == true)
        {
            query = query.Where(t => t.AssessmentPending && t.Status == TicketStatus.Registered);
        }

        if (!string.IsNullOrWhiteSpace(request.Q))
        {
            var q = request.Q.Trim();

            // A phone however it is written ("+86 138-1234-5678" from Twilio or a caller) finds the stored digits.
            var phone = PhoneNumbers.Normalize(q) ?? q;
            query = TicketAccess.SeesAllOrders(actor)
                ? query.Where(t => t.Number.Contains(q) || t.Content.Contains(q) || t.Citizen.Phone!.Contains(q) || t.Citizen.Phone!.Contains(phone) || t.Location.Address!.Contains(q))
                : query.Where(t => t.Number.Contains(q) || t.Content.Contains(q) || t.Location.Address!.Contains(q));
        }

        if (request.DistrictCode is { Length: > 0 } district)
        {
            query = query.Where(t => t.Location.DistrictCode == district);
        }

        // A top-level category takes its children (sw: sw-ts, sw-ps, …).
        if (request.CategoryCode is { Length: > 0 } category)
        {
            var children = category + "-";
            query = query.Where(t => t.CategoryCode == category || t.CategoryCode.StartsWith(children));
        }

        if (request.Rework == true)
        {
            query = query.Where(t => t.ReworkCount > 0);
        }

        if (request.Open == true)
        {
            query = query.Where(t => t.Status != TicketStatus.Closed);
        }

        return query;
    }

    /// <summary>
    /// <c>sort=deadline</c>: the next running deadline first (none last); <c>sort=created</c>: newest first. Without it each
    /// queue has its own order: the review queue by reply, 待研判 by request, the deadline lists by due time, else newest.
    /// </summary>
    public static IOrderedQueryable<Ticket> Ordered(this IQueryable<Ticket> query, ListTickets request) => request.Sort switch
    {
        TicketSort.Deadline => query.OrderBy(t => t.Clocks.NextDueAt == null).ThenBy(t => t.Clocks.NextDueAt).ThenBy(t => t.Number),
        TicketSort.Created => query.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Number),
        _ => request.ReviewPending == true
            ? query.OrderBy(t => t.RepliedAt).ThenBy(t => t.Number)
            : request.AssessmentPending == true
            ? query.OrderBy(t => t.AssessmentRequestedAt).ThenBy(t => t.Number)
            : request.Overdue == true || request.NearDue == true || request.Escalated == true
            ? query.OrderBy(t => t.Clocks.NextDueAt).ThenBy(t => t.Number)
            : query.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Number),
    };
}
