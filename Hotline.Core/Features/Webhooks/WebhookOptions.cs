using System.ComponentModel.DataAnnotations;

namespace Hotline.Core.Features.Webhooks;

/// <summary>The delivery of webhook events by the job host (<c>Webhooks</c>, docs/integration.md).</summary>
public sealed class WebhookOptions : IValidatableObject
{
    public const string Section = "Webhooks";

    /// <summary>Whether this host delivers (every host that runs the job server does, unless set false).</summary>
    public bool Deliver { get; set; } = true;

    /// <summary>The CloudEvents <c>source</c> of every event.</summary>
    [Required]
    public string Source { get; set; } = "/hotline/tickets";

    /// <summary>How often an idle worker looks for due events.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one attempt may take before it counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a worker holds an event it is sending; a worker that died is replaced after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Failures are retried for this long after the change (or a redelivery), then the event is a dead letter.</summary>
    public TimeSpan RetryWindow { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>Events sent at once by one worker (never two of the same order and subscriber).</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 8;

    /// <summary>Delivered events are removed after this long; dead letters stay until redelivered or their subscriber is deleted.</summary>
    public TimeSpan DeliveredRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The wait before attempt <paramref name="failures"/> + 1: the first delay doubling, at most the maximum.</summary>
    public TimeSpan RetryDelay(int failures)
    {
        var doublings = Math.Clamp(failures - 1, 0, 30);
        var delay = FirstRetryDelay * Math.Pow(2, doublings);
        return delay > MaxRetryDelay ? MaxRetryDelay : delay;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Timeout <= TimeSpan.Zero || PollInterval <= TimeSpan.Zero || FirstRetryDelay <= TimeSpan.Zero || MaxRetryDelay < FirstRetryDelay)
        {
            yield return new ValidationResult("Webhooks: Timeout, PollInterval and FirstRetryDelay must be positive, MaxRetryDelay at least FirstRetryDelay.");
        }

        if (Lease < Timeout * 2)
        {
            yield return new ValidationResult("Webhooks:Lease must be at least twice Webhooks:Timeout, so a slow attempt never outlives its lease.", [nameof(Lease)]);
        }

        if (RetryWindow < TimeSpan.FromHours(24))
        {
            yield return new ValidationResult("Webhooks:RetryWindow must be at least 24 hours.", [nameof(RetryWindow)]);
        }
    }
}
