using System.Security.Cryptography;
using FluentValidation;
using FluentValidation.Results;
using Hotline.Contracts.Audit;
using Hotline.Contracts.Exchange;
using Hotline.Core.Data;
using Hotline.Core.Features.Audit;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Webhooks;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Exchange.SavePeer;

/// <summary>An Admin adds a peer platform (<paramref name="Id"/> null) or changes one. The answer carries the shared secret only when it was set or generated now.</summary>
public sealed record SavePeer(Guid? Id, SavePeerRequest Body) : IRequest<PeerSavedDto>, IAuditedRequest
{
    public string AuditAction => Id is null ? AuditActions.PeerCreated : AuditActions.PeerChanged;

    public string? AuditSummary => $"{(Id is null ? "新增" : "修改")}对接平台：{Body.Name}";

    public string? AuditTargetType => nameof(PeerPlatform);

    public string? AuditTargetId => Id?.ToString();
}

public sealed class SavePeerValidator : AbstractValidator<SavePeer>
{
    public SavePeerValidator()
    {
        RuleFor(x => x.Body.Name).NotEmpty().MaximumLength(PeerPlatform.MaxNameLength).Must(n => n is null || n.Trim().Length > 0)
            .OverridePropertyName("name").WithMessage($"请填写平台名称（不超过 {PeerPlatform.MaxNameLength} 个字）。");
        RuleFor(x => x.Body.Kind).Must(k => k is null || PeerKinds.IsKnown(k)).OverridePropertyName("kind")
            .WithMessage($"kind 须为 {string.Join("、", PeerKinds.All)} 之一。");
        RuleFor(x => x.Body.BaseUrl).MaximumLength(PeerPlatform.MaxUrlLength)
            .Must(u => WebhookTargetGuard.ShapeError(u, "平台地址") is null).WithMessage(x => WebhookTargetGuard.ShapeError(x.Body.BaseUrl, "平台地址"))
            .OverridePropertyName("baseUrl");
        RuleFor(x => x.Body.Key).NotEmpty().MaximumLength(PeerPlatform.MaxKeyLength).Matches("^[A-Za-z0-9._-]+$")
            .OverridePropertyName("key").WithMessage($"请填写对接标识（字母、数字、. _ -，不超过 {PeerPlatform.MaxKeyLength} 个字符，双方一致）。");
        RuleFor(x => x.Body.Secret).Length(PeerPlatform.MinSecretLength, PeerPlatform.MaxSecretLength)
            .Must(s => s is null || s.All(c => c is > ' ' and <= '~')).WithMessage("密钥只能由可见的 ASCII 字符组成。")
            .OverridePropertyName("secret");
    }
}

public sealed class SavePeerHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time, WebhookTargetGuard guard)
    : IRequestHandler<SavePeer, PeerSavedDto>
{
    public async Task<PeerSavedDto> Handle(SavePeer request, CancellationToken cancellationToken)
    {
        var body = request.Body;
        var raw = body.BaseUrl!.Trim();
        var url = new Uri(raw.EndsWith('/') ? raw : raw + "/");
        if (await guard.RefusalAsync(url, cancellationToken, "平台地址") is { } refusal)
        {
            throw Invalid("baseUrl", refusal);
        }

        var (name, key) = (body.Name!.Trim(), body.Key!.Trim());
        if (await db.PeerPlatforms.AnyAsync(p => p.Name == name && p.Id != request.Id, cancellationToken))
        {
            throw Invalid("name", $"已有名为 {name} 的对接平台。");
        }

        if (await db.PeerPlatforms.AnyAsync(p => p.Key == key && p.Id != request.Id, cancellationToken))
        {
            throw Invalid("key", $"对接标识 {key} 已被其他平台使用。");
        }

        var now = time.GetUtcNow();
        PeerPlatform peer;
        if (request.Id is { } id)
        {
            peer = await db.PeerPlatforms.SingleOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw new NotFoundException("对接平台", id);
        }
        else
        {
            peer = new PeerPlatform { Id = Guid.NewGuid(), CreatedBy = currentUser.Actor.UserName, CreatedAt = now };
            db.PeerPlatforms.Add(peer);
        }

        var secret = body.Secret ?? (request.Id is null ? NewSecret() : null);
        peer.Name = name;
        peer.Kind = body.Kind ?? peer.Kind;
        peer.BaseUrl = url.AbsoluteUri;
        peer.Key = key;
        peer.Active = body.Active ?? true;
        peer.UpdatedAt = now;
        if (secret is not null)
        {
            peer.Secret = secret;
        }

        await db.SaveChangesAsync(cancellationToken);
        var stats = (await PeerMapper.StatsAsync(db, [peer.Id], cancellationToken))[peer.Id];
        return new PeerSavedDto(PeerMapper.ToDto(peer, stats), secret ?? string.Empty);
    }

    /// <summary>256 random bits; the other side configures the same value.</summary>
    private static string NewSecret() => "peer_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}

/// <summary>An Admin disables a peer: nothing more is offered to it or taken from it; its waiting messages stay until it is enabled again (PUT with active true).</summary>
public sealed record DisablePeer(Guid Id) : IRequest<PeerDto>, IAuditedRequest
{
    public string AuditAction => AuditActions.PeerChanged;

    public string? AuditSummary => "停用对接平台";

    public string? AuditTargetType => nameof(PeerPlatform);

    public string? AuditTargetId => Id.ToString();
}

public sealed class DisablePeerHandler(HotlineDbContext db, TimeProvider time) : IRequestHandler<DisablePeer, PeerDto>
{
    public async Task<PeerDto> Handle(DisablePeer request, CancellationToken cancellationToken)
    {
        var peer = await db.PeerPlatforms.SingleOrDefaultAsync(p => p.Id == request.Id, cancellationToken) ?? throw new NotFoundException("对接平台", request.Id);
        if (peer.Active)
        {
            (peer.Active, peer.UpdatedAt) = (false, time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        return PeerMapper.ToDto(peer, (await PeerMapper.StatsAsync(db, [peer.Id], cancellationToken))[peer.Id]);
    }
}
