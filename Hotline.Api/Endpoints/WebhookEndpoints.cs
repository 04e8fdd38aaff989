using Hotline.Api.Auth;
using Hotline.Contracts.Webhooks;
using Hotline.Core.Features.Webhooks;
using Hotline.Core.Features.Webhooks.DeleteWebhook;
using Hotline.Core.Features.Webhooks.ListDeadLetters;
using Hotline.Core.Features.Webhooks.ListWebhooks;
using Hotline.Core.Features.Webhooks.RedeliverDeadLetters;
using Hotline.Core.Features.Webhooks.SaveWebhook;
using MediatR;

namespace Hotline.Api.Endpoints;

/// <summary>Event subscriptions (webhooks, docs/integration.md): Admin only.</summary>
public static class WebhookEndpoints
{
    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin/webhooks").WithTags("Webhooks").RequireAuthorization(Policies.Admin);
        admin.MapGet("/", (IMediator m, CancellationToken ct) => m.Send(new ListWebhooks(), ct))
            .WithSummary("Subscribers with their delivery state: pending, dead letters, latency of the last 24 hours");
        admin.MapGet("/event-types", () => TypedResults.Ok(WebhookEventTypes.All)).WithSummary("The CloudEvents types a subscriber can ask for");
        admin.MapPost("/", async (SaveWebhookRequest body, IMediator m, CancellationToken ct) =>
        {
            var created = await m.Send(new SaveWebhook(null, body), ct);
            return TypedResults.Created($"/api/admin/webhooks/{created.Webhook.Id}", created);
        }).WithSummary("Add a subscriber; the answer shows its signing secret once (given, or generated when left out)");
        admin.MapPut("/{id:guid}", (Guid id, SaveWebhookRequest body, IMediator m, CancellationToken ct) => m.Send(new SaveWebhook(id, body), ct))
            .WithSummary("Change a subscriber; a secret given replaces the old one (shown in the answer), none keeps it");
        admin.MapDelete("/{id:guid}", async (Guid id, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new DeleteWebhook(id), ct);
            return TypedResults.NoContent();
        }).WithSummary("Remove a subscriber with its undelivered events and dead letters");
        admin.MapGet("/{id:guid}/dead-letters", (Guid id, IMediator m, CancellationToken ct) => m.Send(new ListDeadLetters(id), ct))
            .WithSummary("Events given up after the retry window, newest first");
        admin.MapPost("/{id:guid}/dead-letters/redeliver", (Guid id, RedeliverRequest? body, IMediator m, CancellationToken ct) =>
                m.Send(new RedeliverDeadLetters(id, body?.DeliveryIds ?? []), ct))
            .WithSummary("Queue dead letters again (the ids given, or all), same event ids, fresh retry window");
        return app;
    }
}
