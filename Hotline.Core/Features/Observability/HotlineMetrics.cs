using System.Diagnostics.Metrics;

namespace Hotline.Core.Features.Observability;

/// <summary>The business counters a hotline centre watches, exported through System.Diagnostics.Metrics (meter "Hotline").</summary>
public sealed class HotlineMetrics : IDisposable
{
    public const string MeterName = "Hotline";

    private readonly Meter _meter;

    public HotlineMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        Registered = _meter.CreateCounter<long>("hotline.orders.registered", description: "Orders registered, by channel");
        Dispatched = _meter.CreateCounter<long>("hotline.orders.dispatched", description: "Orders dispatched, rework included");
        Closed = _meter.CreateCounter<long>("hotline.orders.closed", description: "Orders closed, by close reason");
    }

    public Counter<long> Registered { get; }

    public Counter<long> Dispatched { get; }

    public Counter<long> Closed { get; }

    public void Dispose() => _meter.Dispose();
}
