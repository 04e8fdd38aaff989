using Hotline.Contracts.Audit;
using Hotline.Contracts.Citizens;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Citizens.RevokeOpen311Key;

/// <summary>Revoking is final and idempotent: the key stops working at once; orders it created stay.</summary>
public sealed record RevokeOpen311Key(Guid Id) : IRequest<Open311KeyDto>, Hotline.Core.Features.Audit.IAuditedRequest
{
    public string AuditAction => AuditActions.Open311KeyRevoked;
    public string? AuditTargetType => "Open311Client";
    public string? AuditTargetId => Id.ToString();
}

public sealed class RevokeOpen311KeyHandler(HotlineDbContext db, TimeProvider time) : IRequestHandler<RevokeOpen311Key, Open311KeyDto>
{
    public async Task<Open311KeyDto> Handle(RevokeOpen311Key request, CancellationToken cancellationToken)
    {
        var client = await db.Open311Clients.FirstOrDefaultAsync(c => c.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Open311 key", request.Id);
        client.Revoke(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Open311KeyMapper.ToDto(client);
    }
}
