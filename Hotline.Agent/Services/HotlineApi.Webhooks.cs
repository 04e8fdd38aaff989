using Hotline.Contracts.Webhooks;

namespace Hotline.Agent.Services;

/// <summary>The event subscriptions page's calls (docs/integration.md).</summary>
public sealed partial class HotlineApi
{
    public Task<IReadOnlyList<WebhookDto>> ListWebhooksAsync() => GetAsync<IReadOnlyList<WebhookDto>>("api/admin/webhooks");

    public Task<IReadOnlyList<string>> ListWebhookEventTypesAsync() => GetAsync<IReadOnlyList<string>>("api/admin/webhooks/event-types");

    public Task<WebhookCreatedDto> CreateWebhookAsync(SaveWebhookRequest body) =>
        SendAsync<WebhookCreatedDto>(HttpMethod.Post, "api/admin/webhooks", body);

    public Task<WebhookCreatedDto> UpdateWebhookAsync(Guid id, SaveWebhookRequest body) =>
        SendAsync<WebhookCreatedDto>(HttpMethod.Put, $"api/admin/webhooks/{id}", body);

    public Task DeleteWebhookAsync(Guid id) => SendNoContentAsync(HttpMethod.Delete, $"api/admin/webhooks/{id}");

    public Task<IReadOnlyList<WebhookDeliveryDto>> ListDeadLettersAsync(Guid id) =>
        GetAsync<IReadOnlyList<WebhookDeliveryDto>>($"api/admin/webhooks/{id}/dead-letters");

    public Task<WebhookRedeliveredDto> RedeliverAsync(Guid id, IReadOnlyList<Guid> deliveryIds) =>
        SendAsync<WebhookRedeliveredDto>(HttpMethod.Post, $"api/admin/webhooks/{id}/dead-letters/redeliver", new RedeliverRequest(deliveryIds));
}
