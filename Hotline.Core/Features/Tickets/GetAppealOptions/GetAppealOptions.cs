using Hotline.Contracts;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Reference;
using MediatR;

namespace Hotline.Core.Features.Tickets.GetAppealOptions;

/// <summary>
/// What the lead unit may appeal on its order now, per kind: the verdict, the end of its window and, when it may not,
/// why (the same rule POST /appeals applies). The console offers 申诉 only for the kinds allowed.
/// </summary>
public sealed record GetAppealOptions(Guid TicketId) : IRequest<IReadOnlyList<AppealOptionDto>>;

public sealed class GetAppealOptionsHandler(HotlineDbContext db, ICurrentUser currentUser, ReferenceDataCache reference, TimeProvider time)
    : IRequestHandler<GetAppealOptions, IReadOnlyList<AppealOptionDto>>
{
    public async Task<IReadOnlyList<AppealOptionDto>> Handle(GetAppealOptions request, CancellationToken cancellationToken)
    {
        var (actor, now) = (currentUser.Actor, time.GetUtcNow());
        var ticket = await db.Tickets.LoadForChangeAsync(request.TicketId, actor, null, cancellationToken);
        if (actor.UnitId is null || actor.UnitId != ticket.LeadUnitId)
        {
            throw new Domain.Common.ActorNotPermittedException("只有主办单位可以申诉。");
        }

        var (lastOverdueAlertAt, window, calendar) = await AppealInputs.LoadAsync(db, reference, ticket, cancellationToken);
        return Enum.GetValues<AppealKind>()
            .Select(kind =>
            {
                var (verdictAt, windowEndsAt, refusal) = ticket.AppealWindow(kind, lastOverdueAlertAt, window, calendar, now);
                return new AppealOptionDto(kind, refusal is null, verdictAt, windowEndsAt, refusal);
            })
            .ToList();
    }
}
