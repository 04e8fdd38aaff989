using FluentValidation;
using Hotline.Contracts.Realtime;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Tickets;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Events.GetEvents;

/// <summary>
/// The changes after a sequence that the caller may see, oldest first: how a console re-syncs after a reconnect. Never
/// past the change log's <see cref="ChangeLogHorizon"/>, so a client that passes the last sequence it read never skips a
/// change that committed after a higher one.
/// </summary>
public sealed record GetEvents(long Since, int Limit = 500) : IRequest<IReadOnlyList<EventEnvelope>>;

public sealed class GetEventsValidator : AbstractValidator<GetEvents>
{
    public GetEventsValidator()
    {
        RuleFor(x => x.Since).GreaterThanOrEqualTo(0).OverridePropertyName("since");
        RuleFor(x => x.Limit).InclusiveBetween(1, 1000).OverridePropertyName("limit");
    }
}

public sealed class GetEventsHandler(HotlineDbContext db, ICurrentUser currentUser, ChangeLogHorizon horizon) : IRequestHandler<GetEvents, IReadOnlyList<EventEnvelope>>
{
    public async Task<IReadOnlyList<EventEnvelope>> Handle(GetEvents request, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor;
        var query = db.TicketChanges.AsNoTracking().Where(c => c.Sequence > request.Since);
        if (!TicketAccess.SeesAllOrders(actor))
        {
            if (!actor.IsDepartment)
            {
                return [];
            }

            var unit = actor.UnitId!.Value.ToString();
            query = query.Where(c => ("," + c.UnitIds + ",").Contains("," + unit + ","));
        }

        if (await horizon.FindAsync(db, request.Since, cancellationToken) is { } stop)
        {
            query = query.Where(c => c.Sequence < stop);
        }

        var rows = await query.OrderBy(c => c.Sequence).Take(request.Limit).ToListAsync(cancellationToken);
        return rows
            .Select(c => new EventEnvelope(c.Sequence, nameof(TicketChanged), c.At, new TicketChanged(c.TicketId, c.Number, c.Status, c.Version, c.Sequence)))
            .ToList();
    }
}
