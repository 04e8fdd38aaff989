using FluentValidation;
using Hotline.Contracts.Citizens;
using Hotline.Core.Data;
using Hotline.Domain.Citizens;
using Hotline.Core.Features.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Citizens;

/// <summary>An Admin issues an Open311 <c>api_key</c> for a named client system; the key is shown once.</summary>
public sealed record IssueOpen311Key(CreateOpen311KeyRequest Body) : IRequest<Open311KeyCreated>;

public sealed class IssueOpen311KeyValidator : AbstractValidator<IssueOpen311Key>
{
    public IssueOpen311KeyValidator() =>
        RuleFor(x => x.Body.Name).NotEmpty().MaximumLength(Open311Client.MaxNameLength).Must(n => n is null || n.Trim().Length > 0)
            .OverridePropertyName("name");
}

public sealed class IssueOpen311KeyHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time) : IRequestHandler<IssueOpen311Key, Open311KeyCreated>
{
    public async Task<Open311KeyCreated> Handle(IssueOpen311Key request, CancellationToken cancellationToken)
    {
        var key = Open311Client.NewKey();
        var client = new Open311Client(Guid.NewGuid(), request.Body.Name!.Trim(), Open311Client.Hash(key), key[..(5 + Open311Client.KeyPrefixLength)], currentUser.Actor.UserName, time.GetUtcNow());
        db.Open311Clients.Add(client);
        await db.SaveChangesAsync(cancellationToken);
        return new Open311KeyCreated(client.Id, client.Name, key, client.KeyPrefix, client.CreatedAt);
    }
}

public sealed record ListOpen311Keys : IRequest<IReadOnlyList<Open311KeyDto>>;

public sealed class ListOpen311KeysHandler(HotlineDbContext db) : IRequestHandler<ListOpen311Keys, IReadOnlyList<Open311KeyDto>>
{
    public async Task<IReadOnlyList<Open311KeyDto>> Handle(ListOpen311Keys request, CancellationToken cancellationToken)
    {
        var clients = await db.Open311Clients.AsNoTracking().ToListAsync(cancellationToken);
        return clients.OrderByDescending(c => c.CreatedAt).Select(Open311KeyMapper.ToDto).ToList();
    }
}

/// <summary>Revoking is final and idempotent: the key stops working at once; orders it created stay.</summary>
public sealed record RevokeOpen311Key(Guid Id) : IRequest<Open311KeyDto>;

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

internal static class Open311KeyMapper
{
    public static Open311KeyDto ToDto(Open311Client c) => new(c.Id, c.Name, c.KeyPrefix, c.CreatedBy, c.CreatedAt, c.RevokedAt, c.LastUsedAt);
}
