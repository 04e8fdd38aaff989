namespace Hotline.Core.Features.Webhooks;

public enum WebhookDeliveryStatus
{
    Pending,
    Delivered,

    /// <summary>Given up after the retry window: on the dead-letter list until an Admin redelivers it.</summary>
    Dead,
}
