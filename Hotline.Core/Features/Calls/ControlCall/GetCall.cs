using Hotline.Contracts.Telephony;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Calls.ControlCall;

/// <summary><c>GET /api/calls/{id}</c>: one call with its transfers (转接记录), oldest first, and the order registered from it.</summary>
public sealed record GetCall(Guid Id) : IRequest<CallDetailDto>;

public sealed class GetCallHandler(HotlineDbContext db) : IRequestHandler<GetCall, CallDetailDto>
{
    public async Task<CallDetailDto> Handle(GetCall request, CancellationToken cancellationToken)
    {
        var call = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.Id, cancellationToken) ?? throw new NotFoundException("通话", request.Id);
        var ticketId = await db.Tickets.Where(t => t.CallSid == call.CallSid).OrderBy(t => t.CreatedAt).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken);
        var transfers = await db.CallTransfers.AsNoTracking().Where(t => t.CallId == call.Id).OrderBy(t => t.At).ToListAsync(cancellationToken);
        return new CallDetailDto(CallControls.Dto(call, ticketId), transfers.Select(t => t.Dto()).ToList());
    }
}
