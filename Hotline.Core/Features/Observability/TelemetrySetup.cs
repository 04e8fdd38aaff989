using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Hotline.Core.Features.Observability;

/// <summary>
/// OpenTelemetry traces, metrics and logs over OTLP, switched on by the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
/// variable (with <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>OTEL_SERVICE_NAME</c>, <c>OTEL_RESOURCE_ATTRIBUTES</c> …).
/// Without it nothing is collected beyond the in-process meters, which dotnet-counters can still read.
/// </summary>
public static class TelemetrySetup
{
    public const string EndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Meters exported besides our own: HTTP server and client, Kestrel, SignalR connections, the runtime, Npgsql.</summary>
    public static readonly string[] Meters =
    [
        HotlineMetrics.MeterName,
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.RateLimiting",
        "System.Net.Http",
        "System.Runtime",
        "Npgsql",
    ];

    public static IServiceCollection AddHotlineTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        if (string.IsNullOrWhiteSpace(configuration[EndpointKey]))
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName, serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId}"))
            .WithTracing(t => t
                .AddSource(HotlineMetrics.ActivitySource.Name)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .WithMetrics(m => m.AddMeter(Meters))
            .WithLogging()
            .UseOtlpExporter();
        return services;
    }
}
