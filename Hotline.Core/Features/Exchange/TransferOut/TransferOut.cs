using FluentValidation;
using FluentValidation.Results;
using Hotline.Contracts.Exchange;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Reference;
using Hotline.Core.Features.Tickets;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Exchange.TransferOut;

/// <summary>
/// 转办其他平台: a supervisor hands an order that belongs to another city to a peer hotline. The order closes here as
/// TransferredOut and the transfer is written to the exchange's outbox in the same transaction; the job host sends it.
/// An unknown, disabled or non-hotline peer is a 400, a closed or already transferred order a 409: nothing is sent.
/// </summary>
public sealed record TransferOut(Guid TicketId, Guid? PeerId, string? Note, int? Version) : IRequest<TicketDto>;

public sealed class TransferOutValidator : AbstractValidator<TransferOut>
{
    public TransferOutValidator()
    {
        RuleFor(x => x.PeerId).NotNull().OverridePropertyName("peerId").WithMessage("请选择要转办的平台。");
        RuleFor(x => x.Note).MaximumLength(1000).OverridePropertyName("note");
    }
}

public sealed class TransferOutHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time, ReferenceDataCache reference) : IRequestHandler<TransferOut, TicketDto>
{
    public async Task<TicketDto> Handle(TransferOut request, CancellationToken cancellationToken)
    {
        var (actor, now) = (currentUser.Actor, time.GetUtcNow());
        var peer = await db.PeerPlatforms.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.PeerId, cancellationToken);
        if (peer is null || !peer.Active || peer.Kind != PeerKinds.Hotline)
        {
            throw new ValidationException([new ValidationFailure("peerId", "对接平台不存在、已停用或不是热线平台。")]);
        }

        var ticket = await db.Tickets.LoadForChangeAsync(request.TicketId, actor, request.Version, cancellationToken);
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        ticket.TransferOut(Guid.CreateVersion7(now), peer.Id, peer.Name, note, actor, now);
        var snapshot = await reference.GetAsync(cancellationToken);
        var order = PeerOutbox.OrderOf(
            ticket,
            snapshot.CategoriesByCode.TryGetValue(ticket.CategoryCode, out var category) ? category.Name : null,
            snapshot.DistrictsByCode.TryGetValue(ticket.Location.DistrictCode, out var district) ? district.Name : null);
        PeerOutbox.AddTransfer(db, peer, ticket, order, note, actor.UserName, now);
        await db.SaveChangesAsync(cancellationToken);
        return await TicketReader.ReadAfterChangeAsync(db, ticket, actor, now, cancellationToken);
    }
}
