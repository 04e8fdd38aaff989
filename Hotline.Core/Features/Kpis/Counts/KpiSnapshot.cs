using System.Linq.Expressions;
using Hotline.Contracts;
using Hotline.Domain.Tickets;

namespace Hotline.Core.Features.Kpis.Counts;

/// <summary>The fields of an order that its measures depend on, as saved (or as they were before a change).</summary>
public sealed record KpiSnapshot(
    TicketStatus Status,
    CloseReason? CloseReason,
    Channel Channel,
    TicketType Type,
    string CategoryCode,
    string DistrictCode,
    string? StreetCode,
    DateOnly CreatedDay,
    Guid? LeadUnitId,
    DateTimeOffset? FirstDispatchedAt,
    DateTimeOffset? AcceptDueAt,
    DateTimeOffset? ContactDueAt,
    DateTimeOffset? ReplyDueAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? ContactedAt,
    DateTimeOffset? RepliedAt,
    DateTimeOffset? ClosedAt,
    AlertFlags AlertsRaised,
    bool PriorResponseLate,
    bool PriorReplyLate,
    CallbackOutcome? CallbackOutcome,
    bool? CallbackSolved,
    DateTimeOffset? CallbackAt,
    bool CallbackExempted = false,
    bool LatenessExempted = false)
{
    public static KpiSnapshot Of(Ticket t) => new(
        t.Status, t.CloseReason, t.Channel, t.Type, t.CategoryCode, t.Location.DistrictCode, t.Location.StreetCode, t.CreatedDay,
        t.LeadUnitId, t.FirstDispatchedAt, t.Clocks.AcceptDueAt, t.Clocks.ContactDueAt, t.Clocks.ReplyDueAt, t.AcceptedAt, t.ContactedAt, t.RepliedAt,
        t.ClosedAt, t.Clocks.AlertsRaised, t.PriorResponseLate, t.PriorReplyLate, t.CallbackOutcome, t.CallbackSolved, t.CallbackAt,
        t.IsCallbackExempted, t.LatenessExempted);

    /// <summary>
    /// The same fields read straight from the orders table with each order's id: what the rebuild recounts and what a
    /// drill-down (<c>GET /api/kpis/orders</c>) filters, so both apply <see cref="KpiContribution"/> to the very same values.
    /// </summary>
    public static readonly Expression<Func<Ticket, IdentifiedSnapshot>> Projection = t => new IdentifiedSnapshot(t.Id, t.CreatedAt, new KpiSnapshot(
        t.Status, t.CloseReason, t.Channel, t.Type, t.CategoryCode, t.Location.DistrictCode, t.Location.StreetCode, t.CreatedDay,
        t.LeadUnitId, t.FirstDispatchedAt, t.Clocks.AcceptDueAt, t.Clocks.ContactDueAt, t.Clocks.ReplyDueAt, t.AcceptedAt, t.ContactedAt, t.RepliedAt,
        t.ClosedAt, t.Clocks.AlertsRaised, t.PriorResponseLate, t.PriorReplyLate, t.CallbackOutcome, t.CallbackSolved, t.CallbackAt,
        t.CallbackExemptedAt != null && t.CallbackExemptedAt == t.CallbackAt, t.LatenessExempted));
}

/// <summary>An order's id and registration instant with its <see cref="KpiSnapshot"/>.</summary>
public sealed record IdentifiedSnapshot(Guid Id, DateTimeOffset CreatedAt, KpiSnapshot Snapshot);
