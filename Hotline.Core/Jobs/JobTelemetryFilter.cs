using System.Diagnostics;
using Hangfire.Server;
using Hotline.Core.Features.Observability;

namespace Hotline.Core.Jobs;

/// <summary>A span and a duration measurement (<c>hotline.jobs.duration</c>) for every job a server in this process performs.</summary>
internal sealed class JobTelemetryFilter(HotlineMetrics metrics) : IServerFilter
{
    private const string StartedKey = "hotline.started";
    private const string ActivityKey = "hotline.activity";

    public void OnPerforming(PerformingContext context)
    {
        context.Items[StartedKey] = Stopwatch.GetTimestamp();
        var activity = HotlineMetrics.ActivitySource.StartActivity($"job {JobName(context)}", ActivityKind.Internal);
        activity?.SetTag("hangfire.job_id", context.BackgroundJob.Id);
        context.Items[ActivityKey] = activity;
    }

    public void OnPerformed(PerformedContext context)
    {
        var outcome = context.Exception is null ? "ok" : (context.Exception.InnerException ?? context.Exception).GetType().Name;
        if (context.Items.TryGetValue(StartedKey, out var started) && started is long timestamp)
        {
            metrics.Jobs.Record(
                Stopwatch.GetElapsedTime(timestamp).TotalSeconds,
                new KeyValuePair<string, object?>("job", JobName(context)),
                new KeyValuePair<string, object?>("outcome", outcome));
        }

        if (context.Items.TryGetValue(ActivityKey, out var value) && value is Activity activity)
        {
            if (context.Exception is not null)
            {
                activity.SetStatus(ActivityStatusCode.Error, outcome);
            }

            activity.Dispose();
        }
    }

    private static string JobName(PerformContext context) =>
        $"{context.BackgroundJob.Job.Type.Name}.{context.BackgroundJob.Job.Method.Name}";
}
