using System.Security.Cryptography;
using FluentValidation;
using FluentValidation.Results;
using Hotline.Contracts.Audit;
using Hotline.Contracts.Webhooks;
using Hotline.Core.Data;
using Hotline.Core.Features.Audit;
using Hotline.Core.Features.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Webhooks.SaveWebhook;

/// <summary>An Admin adds a subscriber (<paramref name="Id"/> null) or changes one. The answer carries the secret only when it was generated or replaced.</summary>
public sealed record SaveWebhook(Guid? Id, SaveWebhookRequest Body) : IRequest<WebhookCreatedDto>, IAuditedRequest
{
    public string AuditAction => Id is null ? AuditActions.WebhookCreated : AuditActions.WebhookChanged;

    public string? AuditSummary => $"{(Id is null ? "新增" : "修改")}事件订阅：{Body.Name}";

    public string? AuditTargetType => nameof(WebhookSubscription);

    public string? AuditTargetId => Id?.ToString();
}

public sealed class SaveWebhookValidator : AbstractValidator<SaveWebhook>
{
    public SaveWebhookValidator()
    {
        RuleFor(x => x.Body.Name).NotEmpty().MaximumLength(WebhookSubscription.MaxNameLength).Must(n => n is null || n.Trim().Length > 0)
            .OverridePropertyName("name");
        RuleFor(x => x.Body.Url).MaximumLength(WebhookSubscription.MaxUrlLength)
            .Must(u => WebhookTargetGuard.ShapeError(u) is null).WithMessage(x => WebhookTargetGuard.ShapeError(x.Body.Url))
            .OverridePropertyName("url");
        RuleFor(x => x.Body.Secret).Length(WebhookSubscription.MinSecretLength, WebhookSubscription.MaxSecretLength)
            .Must(s => s is null || s.All(c => c is > ' ' and <= '~')).WithMessage("密钥只能由可见的 ASCII 字符组成。")
            .OverridePropertyName("secret");
        RuleForEach(x => x.Body.EventTypes).Must(t => t is not null && WebhookEventTypes.IsKnown(t))
            .WithMessage((_, t) => $"未知的事件类型 {t}；可用：{string.Join(", ", WebhookEventTypes.All)}")
            .OverridePropertyName("eventTypes");
    }
}

public sealed class SaveWebhookHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time, WebhookTargetGuard guard)
    : IRequestHandler<SaveWebhook, WebhookCreatedDto>
{
    public async Task<WebhookCreatedDto> Handle(SaveWebhook request, CancellationToken cancellationToken)
    {
        var body = request.Body;
        var url = new Uri(body.Url!.Trim());
        if (await guard.RefusalAsync(url, cancellationToken) is { } refusal)
        {
            throw Invalid("url", refusal);
        }

        if (body.UnitId is { } unitId && !await db.Units.AnyAsync(u => u.Id == unitId, cancellationToken))
        {
            throw Invalid("unitId", "承办单位不存在。");
        }

        var name = body.Name!.Trim();
        if (await db.WebhookSubscriptions.AnyAsync(s => s.Name == name && s.Id != request.Id, cancellationToken))
        {
            throw Invalid("name", $"已有名为 {name} 的订阅。");
        }

        var now = time.GetUtcNow();
        WebhookSubscription subscription;
        if (request.Id is { } id)
        {
            subscription = await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken)
                ?? throw new NotFoundException("Webhook", id);
        }
        else
        {
            subscription = new WebhookSubscription { Id = Guid.NewGuid(), CreatedBy = currentUser.Actor.UserName, CreatedAt = now };
            db.WebhookSubscriptions.Add(subscription);
        }

        var secret = body.Secret ?? (request.Id is null ? NewSecret() : null);
        subscription.Name = name;
        subscription.Url = url.AbsoluteUri;
        subscription.EventTypes = string.Join(',', (body.EventTypes ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        subscription.UnitId = body.UnitId;
        subscription.Active = body.Active ?? true;
        subscription.UpdatedAt = now;
        if (secret is not null)
        {
            subscription.Secret = secret;
        }

        await db.SaveChangesAsync(cancellationToken);
        var stats = (await WebhookStatsReader.ReadAsync(db, [subscription.Id], now, cancellationToken))[subscription.Id];
        return new WebhookCreatedDto(WebhookMapper.ToDto(subscription, stats), secret ?? string.Empty);
    }

    /// <summary>256 random bits, as a receiver's configuration file can hold them.</summary>
    private static string NewSecret() => "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
