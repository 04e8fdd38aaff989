using FluentValidation;
using Hotline.Contracts.Exchange;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Reference;
using Hotline.Core.Features.Tickets;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Exchange.EmergencyHandover;

/// <summary>
/// 紧急移交: an agent hands an emergency over to 110, 119, 120 or 122. The hand-over is recorded on the order's timeline
/// and, when an active peer of that service is configured, its record (order number, caller, address, content, agent,
/// time) goes to that peer through the exchange's outbox in the same transaction. With none configured the hand-over
/// is made by phone and only recorded here, which the answer (<c>sent: false</c>) and the timeline say.
/// </summary>
public sealed record EmergencyHandover(Guid TicketId, string? Service, string? Note, int? Version) : IRequest<EmergencyHandoverDto>;

public sealed class EmergencyHandoverValidator : AbstractValidator<EmergencyHandover>
{
    public EmergencyHandoverValidator()
    {
        RuleFor(x => x.Service).NotEmpty().Must(PeerKinds.IsEmergency).OverridePropertyName("service")
            .WithMessage("service 须为 110、119、120 或 122。");
        RuleFor(x => x.Note).MaximumLength(1000).OverridePropertyName("note");
    }
}

public sealed class EmergencyHandoverHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time, ReferenceDataCache reference)
    : IRequestHandler<EmergencyHandover, EmergencyHandoverDto>
{
    public async Task<EmergencyHandoverDto> Handle(EmergencyHandover request, CancellationToken cancellationToken)
    {
        var (actor, now) = (currentUser.Actor, time.GetUtcNow());
        var service = request.Service!;
        var ticket = await db.Tickets.LoadForChangeAsync(request.TicketId, actor, request.Version, cancellationToken);
        var peer = await db.PeerPlatforms.AsNoTracking().Where(p => p.Kind == service && p.Active).OrderBy(p => p.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        ticket.RecordEmergencyHandover(service, peer?.Name, note, actor, now);
        if (peer is not null)
        {
            var snapshot = await reference.GetAsync(cancellationToken);
            var place = string.Join(' ', new[]
            {
                snapshot.DistrictsByCode.TryGetValue(ticket.Location.DistrictCode, out var district) ? district.Name : ticket.Location.DistrictCode,
                ticket.Location.StreetCode is { } street && snapshot.StreetsByCode.TryGetValue(street, out var s) ? s.Name : null,
                ticket.Location.Address,
            }.Where(p => !string.IsNullOrWhiteSpace(p)));
            var names = await ActorNames.ReadAsync(db, [actor.UserName], cancellationToken);
            PeerOutbox.AddHandover(db, peer, ticket, new PeerHandoverMessage(
                PeerMessageTypes.Handover,
                Guid.CreateVersion7(now).ToString(),
                service,
                ticket.Number,
                ticket.Citizen.Name,
                ticket.Citizen.Phone,
                place,
                ticket.Content,
                ActorNames.Of(actor.UserName, names),
                note,
                now), now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new EmergencyHandoverDto(await TicketReader.ReadAfterChangeAsync(db, ticket, actor, now, cancellationToken), peer is not null, peer?.Name);
    }
}
