using Hotline.Contracts.Audit;
using Hotline.Core.Data;
using Hotline.Core.Features.Audit;
using Hotline.Domain.Users;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Users.UnitClients;

/// <summary>What a machine token is issued for: the client, its unit and the stamp of its current secret.</summary>
public sealed record UnitClientGrant(Guid Id, string ClientId, string Name, Guid UnitId, string Stamp);

/// <summary>
/// The client credentials grant: the client's id and secret against the stored hash. Null for an unknown client, a
/// wrong secret or a revoked credential alike (the answer never tells which); each outcome is on the audit trail.
/// </summary>
public sealed record AuthenticateUnitClient(string ClientId, string Secret) : IRequest<UnitClientGrant?>;

public sealed class AuthenticateUnitClientHandler(HotlineDbContext db, AuditLog audit, TimeProvider time) : IRequestHandler<AuthenticateUnitClient, UnitClientGrant?>
{
    public async Task<UnitClientGrant?> Handle(AuthenticateUnitClient request, CancellationToken cancellationToken)
    {
        var client = await db.UnitClients.FirstOrDefaultAsync(c => c.ClientId == request.ClientId, cancellationToken);
        if (client is null || !client.Verifies(request.Secret) || !client.IsActive)
        {
            var why = client is null ? "未知的 client_id" : !client.IsActive ? "凭据已吊销" : "密钥错误";
            audit.Add(client?.Id, request.ClientId, AuditActions.ClientTokenRefused, $"单位系统取令牌被拒：{why}", "UnitClient", client?.Id.ToString());
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }

        client.MarkUsed(time.GetUtcNow());
        audit.Add(client.Id, client.ClientId, AuditActions.ClientTokenIssued, $"单位系统取得令牌：{client.Name}", "UnitClient", client.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return new UnitClientGrant(client.Id, client.ClientId, client.Name, client.UnitId, UserAccessCache.ClientStampOf(client.SecretHash));
    }
}
