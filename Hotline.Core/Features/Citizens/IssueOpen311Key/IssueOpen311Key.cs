using Hotline.Contracts.Audit;
using FluentValidation;
using Hotline.Contracts.Citizens;
using Hotline.Core.Data;
using Hotline.Domain.Citizens;
using Hotline.Core.Features.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Citizens.IssueOpen311Key;

/// <summary>An Admin issues an Open311 <c>api_key</c> for a named client system; the key is shown once.</summary>
public sealed record IssueOpen311Key(CreateOpen311KeyRequest Body) : IRequest<Open311KeyCreated>, Hotline.Core.Features.Audit.IAuditedRequest
{
    public string AuditAction => AuditActions.Open311KeyIssued;
    public string? AuditSummary => $"签发接口密钥：{Body.Name}";
}

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
