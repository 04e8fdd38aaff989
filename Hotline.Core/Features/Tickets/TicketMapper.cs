using Hotline.Contracts;
using Hotline.Contracts.Exchange;
using Hotline.Contracts.Tickets;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;

namespace Hotline.Core.Features.Tickets;

/// <summary>Turns an order into what the caller may see: departments get a masked phone, and no identity on reports or confidential orders.</summary>
public static class TicketMapper
{
    /// <param name="actorNames">Display names by login for the timeline's people; systems are named by <see cref="ActorNames"/>.</param>
    public static TicketDto ToDto(
        Ticket t,
        IEnumerable<TimelineEntry> timeline,
        IEnumerable<TicketAlert> alerts,
        Actor viewer,
        DateTimeOffset now,
        IReadOnlyDictionary<string, string>? actorNames = null)
    {
        var citizen = ViewCitizen(t, viewer);
        return new TicketDto(
            t.Id,
            t.Number,
            t.Status,
            t.CloseReason,
            t.Channel,
            t.Type,
            t.CategoryCode,
            t.Urgency,
            citizen,
            new LocationDto(t.Location.DistrictCode, t.Location.StreetCode, t.Location.Address, t.Location.Latitude, t.Location.Longitude),
            t.Content,
            t.CallSid,
            t.LeadUnitId,
            t.AssistingUnitIds.ToList(),
            t.CopiedUnitIds.ToList(),
            new DeadlinesDto(t.Clocks.AcceptDueAt, t.Clocks.ContactDueAt, t.Clocks.ReplyDueAt, t.AcceptedAt, t.ContactedAt, t.RepliedAt),
            new OverdueDto(t.IsStageOverdue(DeadlineStage.Accept, now), t.IsStageOverdue(DeadlineStage.Contact, now), t.IsStageOverdue(DeadlineStage.Reply, now)),
            new CallbackDto(t.CallbackOutcome, t.CallbackSolved, t.CallbackAt, t.CallbackReasonCode, t.CallbackAttempts, t.CallbackRetryAt, t.CallbackFailure),
            t.RepliedAt is { } repliedAt && t.ReplyAnswer is not null ? new ReplyDto(t.ReplySolved ?? false, t.ReplyAnswer, repliedAt) : null,
            t.Answer,
            t.PendingExtension is { } pending ? new PendingExtensionDto(pending.DueAt, pending.Reason, pending.RequestedAt) : null,
            t.Status == TicketStatus.ReturnRequested ? t.ReturnReason : null,
            t.MergedIntoTicketId,
            t.ReworkCount,
            t.UrgeCount,
            t.Version,
            t.CreatedAt,
            t.UpdatedAt,
            t.ClosedAt,
            timeline.OrderBy(e => e.At).ThenBy(e => e.Id)
                .Select(e => new TimelineEntryDto(e.At, e.Action, e.ActorUserName, e.UnitId, e.FromStatus, e.ToStatus, e.Note)
                {
                    ActorName = ActorNames.Of(e.ActorUserName, actorNames),
                })
                .ToList(),
            alerts.OrderBy(a => a.RaisedAt).ThenBy(a => a.Id)
                .Select(a => new AlertDto(a.Stage, a.Kind, a.DueAt, a.RaisedAt, a.UnitId))
                .ToList(),
            t.IsOpen && t.Clocks.IsEscalated,
            t.AnswerArticleId is { } articleId && t.AnswerArticleVersion is { } articleVersion ? new AnswerArticleDto(articleId, articleVersion) : null,
            new ReviewDto(t.ReviewStatus != ReviewStatus.NotRequired, t.ReviewStatus, t.ReviewedAt, t.ReviewedBy, t.ReviewNote),
            new SuspensionDto(t.SuspensionStatus, t.SuspensionReason, t.SuspensionRequestedAt, t.SuspendedSince, t.SuspendedUntil, CurrentSuspendedTotal(t, now)))
        {
            AnonymisedAt = t.AnonymisedAt,
            TransferOut = t.TransferOutId is { } transferId && t.TransferPeerId is { } peerId
                ? new TransferOutDto(transferId, peerId, t.TransferPeerName ?? string.Empty, t.TransferPeerReference, t.TransferPeerStatus ?? PeerTransferStatuses.Pending,
                    PeerTransferStatuses.Label(t.TransferPeerStatus ?? PeerTransferStatuses.Pending), t.TransferPeerUpdatedAt ?? t.UpdatedAt)
                : null,
            TransferSource = t.SourcePeerId is { } sourceId
                ? new TransferSourceDto(sourceId, t.SourcePeerName ?? string.Empty, t.SourceTransferId ?? string.Empty, t.SourceReference ?? string.Empty)
                : null,
        };
    }

    /// <summary>The time stopped over the ended suspensions, and the running one up to <paramref name="now"/>.</summary>
    private static TimeSpan CurrentSuspendedTotal(Ticket t, DateTimeOffset now) =>
        t.IsSuspended && t.SuspendedSince is { } since && now > since ? t.SuspendedTotal + (now - since) : t.SuspendedTotal;

    public static CitizenDto ViewCitizen(Ticket t, Actor viewer)
    {
        if (TicketAccess.SeesAllOrders(viewer))
        {
            return new CitizenDto(t.Citizen.Name, t.Citizen.Phone, t.Citizen.Confidential);
        }

        return t.HidesIdentityFromUnits
            ? new CitizenDto(null, null, t.Citizen.Confidential)
            : new CitizenDto(t.Citizen.Name, Citizen.Mask(t.Citizen.Phone), t.Citizen.Confidential);
    }
}
