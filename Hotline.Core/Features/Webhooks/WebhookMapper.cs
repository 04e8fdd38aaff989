using Hotline.Contracts.Webhooks;

namespace Hotline.Core.Features.Webhooks;

public static class WebhookMapper
{
    public static WebhookDto ToDto(WebhookSubscription s, WebhookStatsDto stats) =>
        new(s.Id, s.Name, s.Url, s.EventTypes.Split(',', StringSplitOptions.RemoveEmptyEntries), s.UnitId, s.Active, s.CreatedBy, s.CreatedAt, s.UpdatedAt, stats);
}
