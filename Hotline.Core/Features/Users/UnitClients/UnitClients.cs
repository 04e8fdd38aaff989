using FluentValidation;
using Hotline.Contracts.Audit;
using Hotline.Contracts.Auth;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Reference;
using Hotline.Domain.Common;
using Hotline.Domain.Users;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Users.UnitClients;

/// <summary>An Admin issues a unit's own system a machine credential; its secret is answered this once (docs/integration.md).</summary>
public sealed record IssueUnitClient(CreateUnitClientRequest Body) : IRequest<UnitClientSecretDto>, Audit.IAuditedRequest
{
    public string AuditAction => AuditActions.UnitClientIssued;
    public string? AuditSummary => $"签发单位系统凭据：{Body.Name}";
    public string? AuditTargetType => "UnitClient";
}

public sealed class IssueUnitClientValidator : AbstractValidator<IssueUnitClient>
{
    public IssueUnitClientValidator(ReferenceDataCache reference)
    {
        RuleFor(x => x.Body.Name).NotEmpty().MaximumLength(UnitClient.MaxNameLength).Must(n => n is null || n.Trim().Length > 0)
            .OverridePropertyName("name").WithMessage($"请填写对接系统的名称（不超过 {UnitClient.MaxNameLength} 个字）。");
        RuleFor(x => x.Body.UnitId).NotNull().OverridePropertyName("unitId").WithMessage("请选择凭据所属的承办单位。");
        RuleFor(x => x.Body.UnitId)
            .MustAsync(async (id, ct) => (await reference.GetAsync(ct)).UnitsById.ContainsKey(id!.Value))
            .When(x => x.Body.UnitId is not null).OverridePropertyName("unitId").WithMessage("单位不存在。");
        RuleFor(x => x.Body.UnitId)
            .MustAsync(async (id, ct) => !(await reference.GetAsync(ct)).UnitsById.TryGetValue(id!.Value, out var unit) || unit.Kind != Contracts.UnitKind.Center)
            .When(x => x.Body.UnitId is not null).OverridePropertyName("unitId").WithMessage("热线中心不是承办单位，不能为其签发系统对接凭据。");
    }
}

public sealed class IssueUnitClientHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time, ReferenceDataCache reference)
    : IRequestHandler<IssueUnitClient, UnitClientSecretDto>
{
    public async Task<UnitClientSecretDto> Handle(IssueUnitClient request, CancellationToken cancellationToken)
    {
        var secret = UnitClient.NewSecret();
        var client = new UnitClient(Guid.NewGuid(), request.Body.UnitId!.Value, request.Body.Name!.Trim(), secret, currentUser.Actor.UserName, time.GetUtcNow());
        db.UnitClients.Add(client);
        await db.SaveChangesAsync(cancellationToken);
        return UnitClientMapping.WithSecret(client, secret, client.CreatedAt, await UnitClientMapping.UnitNameAsync(reference, client.UnitId, cancellationToken));
    }
}

public sealed record ListUnitClients : IRequest<IReadOnlyList<UnitClientDto>>;

public sealed class ListUnitClientsHandler(HotlineDbContext db, ReferenceDataCache reference) : IRequestHandler<ListUnitClients, IReadOnlyList<UnitClientDto>>
{
    public async Task<IReadOnlyList<UnitClientDto>> Handle(ListUnitClients request, CancellationToken cancellationToken)
    {
        var clients = await db.UnitClients.AsNoTracking().ToListAsync(cancellationToken);
        var units = (await reference.GetAsync(cancellationToken)).UnitsById;
        return clients.OrderByDescending(c => c.CreatedAt)
            .Select(c => UnitClientMapping.ToDto(c, units.TryGetValue(c.UnitId, out var unit) ? unit.Name : c.UnitId.ToString()))
            .ToList();
    }
}

public sealed record GetUnitClient(Guid Id) : IRequest<UnitClientDto>;

public sealed class GetUnitClientHandler(HotlineDbContext db, ReferenceDataCache reference) : IRequestHandler<GetUnitClient, UnitClientDto>
{
    public async Task<UnitClientDto> Handle(GetUnitClient request, CancellationToken cancellationToken)
    {
        var client = await db.UnitClients.AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("单位系统凭据", request.Id);
        return UnitClientMapping.ToDto(client, await UnitClientMapping.UnitNameAsync(reference, client.UnitId, cancellationToken));
    }
}

/// <summary>
/// A new secret (the old one stops at once for new tokens; tokens issued with it within 30 seconds on every node).
/// A revoked credential cannot be rotated: issue a new one.
/// </summary>
public sealed record RotateUnitClientSecret(Guid Id) : IRequest<UnitClientSecretDto>, Audit.IAuditedRequest
{
    public string AuditAction => AuditActions.UnitClientRotated;
    public string? AuditTargetType => "UnitClient";
    public string? AuditTargetId => Id.ToString();
}

public sealed class RotateUnitClientSecretHandler(HotlineDbContext db, TimeProvider time, ReferenceDataCache reference, UserAccessCache access)
    : IRequestHandler<RotateUnitClientSecret, UnitClientSecretDto>
{
    public async Task<UnitClientSecretDto> Handle(RotateUnitClientSecret request, CancellationToken cancellationToken)
    {
        var client = await db.UnitClients.FirstOrDefaultAsync(c => c.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("单位系统凭据", request.Id);
        if (!client.IsActive)
        {
            throw new DomainException("该凭据已吊销，不能更换密钥；请签发新的凭据。");
        }

        var secret = UnitClient.NewSecret();
        var now = time.GetUtcNow();
        client.Rotate(secret, now);
        await db.SaveChangesAsync(cancellationToken);
        access.ForgetClient(client.Id);
        return UnitClientMapping.WithSecret(client, secret, now, await UnitClientMapping.UnitNameAsync(reference, client.UnitId, cancellationToken));
    }
}

/// <summary>Revoking is final and idempotent: no new token, and the tokens already issued stop within 30 seconds.</summary>
public sealed record RevokeUnitClient(Guid Id) : IRequest<MediatR.Unit>, Audit.IAuditedRequest
{
    public string AuditAction => AuditActions.UnitClientRevoked;
    public string? AuditTargetType => "UnitClient";
    public string? AuditTargetId => Id.ToString();
}

public sealed class RevokeUnitClientHandler(HotlineDbContext db, TimeProvider time, UserAccessCache access) : IRequestHandler<RevokeUnitClient, MediatR.Unit>
{
    public async Task<MediatR.Unit> Handle(RevokeUnitClient request, CancellationToken cancellationToken)
    {
        var client = await db.UnitClients.FirstOrDefaultAsync(c => c.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("单位系统凭据", request.Id);
        client.Revoke(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        access.ForgetClient(client.Id);
        return MediatR.Unit.Value;
    }
}

internal static class UnitClientMapping
{
    public static UnitClientDto ToDto(UnitClient c, string unitName) =>
        new(c.Id, c.Name, c.UnitId, unitName, c.ClientId, c.SecretHint, c.CreatedBy, c.CreatedAt, c.RotatedAt, c.RevokedAt, c.LastUsedAt, c.IsActive);

    public static UnitClientSecretDto WithSecret(UnitClient c, string secret, DateTimeOffset issuedAt, string unitName) =>
        new(c.Id, c.Name, c.UnitId, unitName, c.ClientId, secret, c.SecretHint, issuedAt);

    public static async Task<string> UnitNameAsync(ReferenceDataCache reference, Guid unitId, CancellationToken ct) =>
        (await reference.GetAsync(ct)).UnitsById.TryGetValue(unitId, out var unit) ? unit.Name : unitId.ToString();
}
