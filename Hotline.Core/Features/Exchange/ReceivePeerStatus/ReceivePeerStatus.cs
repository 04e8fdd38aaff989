using FluentValidation;
using Hotline.Contracts.Exchange;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Domain.Tickets;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Exchange.ReceivePeerStatus;

/// <summary>
/// A peer reports the status of an order we transferred to it (<c>POST /api/exchange/transfers/{transferId}/status</c>).
/// Only the peer the order went to may report on it (404 for any other); an update not newer than the last applied is
/// answered <c>applied: false</c> and changes nothing, so retries and repeats are harmless.
/// </summary>
public sealed record ReceivePeerStatus(Guid PeerId, Guid TransferId, PeerStatusMessage Body) : IRequest<PeerStatusAck>;

public sealed class ReceivePeerStatusValidator : AbstractValidator<ReceivePeerStatus>
{
    public ReceivePeerStatusValidator()
    {
        RuleFor(x => x.Body.Type).Equal(PeerMessageTypes.Status).OverridePropertyName("type").WithMessage("type 须为 status。");
        RuleFor(x => x.Body.TransferId).Must((x, id) => id == x.TransferId.ToString()).OverridePropertyName("transferId")
            .WithMessage("transferId 与地址中的转办编号不一致。");
        RuleFor(x => x.Body.Reference).NotEmpty().MaximumLength(Ticket.MaxPeerReferenceLength).OverridePropertyName("reference");
        RuleFor(x => x.Body.Status).IsInEnum().OverridePropertyName("status");
        RuleFor(x => x.Body.Version).GreaterThanOrEqualTo(0).OverridePropertyName("version");
        RuleFor(x => x.Body.Note).MaximumLength(Ticket.MaxContentLength).OverridePropertyName("note");
    }
}

public sealed class ReceivePeerStatusHandler(HotlineDbContext db, TimeProvider time) : IRequestHandler<ReceivePeerStatus, PeerStatusAck>
{
    public async Task<PeerStatusAck> Handle(ReceivePeerStatus request, CancellationToken cancellationToken)
    {
        var body = request.Body;
        var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.TransferOutId == request.TransferId && t.TransferPeerId == request.PeerId, cancellationToken)
            ?? throw new NotFoundException("转办", request.TransferId);
        var at = body.At == default ? time.GetUtcNow() : body.At.ToUniversalTime();
        var applied = ticket.RecordPeerStatus(body.Reference.Trim(), body.Status, body.Version, body.Note, at, time.GetUtcNow());
        if (applied)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return new PeerStatusAck(applied);
    }
}

/// <summary>The job host records a peer's answer to a transfer (its order number) on the transferred order.</summary>
public sealed record AcknowledgeTransfer(Guid TicketId, string Reference, Contracts.TicketStatus Status) : IRequest;

public sealed class AcknowledgeTransferHandler(HotlineDbContext db, TimeProvider time) : IRequestHandler<AcknowledgeTransfer>
{
    public async Task<Unit> Handle(AcknowledgeTransfer request, CancellationToken cancellationToken)
    {
        // The peer's first status update may land on the same order at the same moment: its version wins, then this is applied again.
        for (var attempt = 1; ; attempt++)
        {
            var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == request.TicketId, cancellationToken);
            if (ticket is null || !ticket.AcknowledgeTransfer(request.Reference, request.Status, time.GetUtcNow()))
            {
                return Unit.Value;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return Unit.Value;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
                db.TakeCommittedEvents();
            }
        }
    }
}
