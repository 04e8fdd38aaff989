using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Hotline.Core.Features.Observability;

/// <summary>
/// The business counters a hotline centre watches, exported through System.Diagnostics.Metrics (meter "Hotline")
/// and, when an OTLP endpoint is configured, over OpenTelemetry (docs/operations.md lists them all).
/// </summary>
public sealed class HotlineMetrics : IDisposable
{
    public const string MeterName = "Hotline";

    /// <summary>Spans of commands, queries and jobs; ASP.NET Core, HttpClient and Npgsql add theirs beneath.</summary>
    public static readonly ActivitySource ActivitySource = new("Hotline");

    private readonly Meter _meter;

    public HotlineMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        Registered = _meter.CreateCounter<long>("hotline.orders.registered", description: "Orders registered, by channel");
        Dispatched = _meter.CreateCounter<long>("hotline.orders.dispatched", description: "Orders dispatched, rework included");
        Closed = _meter.CreateCounter<long>("hotline.orders.closed", description: "Orders closed, by close reason");
        DeadlineAlerts = _meter.CreateCounter<long>("hotline.deadlines.alerts", description: "Deadline warnings and overdue marks raised, by stage and kind");
        Requests = _meter.CreateHistogram<double>("hotline.requests.duration", unit: "s", description: "Commands and queries through the MediatR pipeline, by name and outcome");
        Jobs = _meter.CreateHistogram<double>("hotline.jobs.duration", unit: "s", description: "Background job runs, by job and outcome");
        SignInFailures = _meter.CreateCounter<long>("hotline.auth.sign_in.failures", description: "Failed sign-ins, by reason: credentials (wrong name or password) or throttled (refused while waiting or locked)");
        SignInLockouts = _meter.CreateCounter<long>("hotline.auth.sign_in.lockouts", description: "Temporary sign-in lockouts started, by scope: account or address");
        WebhookDeliveries = _meter.CreateCounter<long>("hotline.webhooks.deliveries", description: "Webhook delivery attempts, by subscription and outcome: delivered, failed (retried later) or dead (dead-lettered)");
        WebhookLatency = _meter.CreateHistogram<double>("hotline.webhooks.delivery.duration", unit: "s", description: "Successful webhook deliveries, by subscription: the time from sending to the receiver's answer");
        Twilio = _meter.CreateHistogram<double>("hotline.twilio.requests.duration", unit: "s", description: "Calls to Twilio's REST API, by resource and HTTP status");
    }

    public Counter<long> Registered { get; }

    public Counter<long> Dispatched { get; }

    public Counter<long> Closed { get; }

    public Counter<long> DeadlineAlerts { get; }

    public Histogram<double> Requests { get; }

    public Histogram<double> Jobs { get; }

    public Histogram<double> Twilio { get; }

    public Counter<long> WebhookDeliveries { get; }

    public Histogram<double> WebhookLatency { get; }

    public Counter<long> SignInFailures { get; }

    public Counter<long> SignInLockouts { get; }

    public void Dispose() => _meter.Dispose();
}
