using Hotline.Contracts.Audit;
using Hotline.Core.Data;
using Hotline.Core.Features.Audit;
using Hotline.Core.Features.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Webhooks.DeleteWebhook;

/// <summary>Removes a subscriber with its undelivered events and dead letters: nothing more is sent to it.</summary>
public sealed record DeleteWebhook(Guid Id) : IRequest, IAuditedRequest
{
    public string AuditAction => AuditActions.WebhookDeleted;

    public string? AuditTargetType => nameof(WebhookSubscription);

    public string? AuditTargetId => Id.ToString();
}

public sealed class DeleteWebhookHandler(HotlineDbContext db) : IRequestHandler<DeleteWebhook>
{
    public async Task<MediatR.Unit> Handle(DeleteWebhook request, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("Webhook", request.Id);
        db.WebhookSubscriptions.Remove(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return MediatR.Unit.Value;
    }
}
