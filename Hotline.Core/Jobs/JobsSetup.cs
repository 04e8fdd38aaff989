using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;
using Hotline.Core.Data;
using Hotline.Core.Features.Deadlines;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Jobs;

/// <summary>Hangfire storage, the job server and the recurring jobs, configured in one place for both hosts.</summary>
public static class JobsSetup
{
    public const string DeadlineSweepJobId = "deadline-sweep";
    public const string CallbackSweepJobId = "callback-sweep";
    public const string Schema = "hangfire";

    public static readonly TimeZoneInfo ChinaTimeZone = FindChinaTimeZone();

    /// <summary>Registers Hangfire's storage; with <paramref name="runServer"/> also a job server in this process.</summary>
    public static IServiceCollection AddHotlineJobs(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment, bool? runServer = null)
    {
        services.AddOptions<JobsOptions>().Bind(configuration.GetSection(JobsOptions.Section)).ValidateOnStart();
        services.AddOptions<Features.Privacy.PrivacyOptions>().Bind(configuration.GetSection(Features.Privacy.PrivacyOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DeadlineOptions>().Bind(configuration.GetSection(DeadlineOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        var jobs = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();

        services.AddHangfire((provider, config) =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();

            // Hangfire's filters are process-wide: add ours once, however many hosts a test process builds.
            if (!GlobalJobFilters.Filters.Any(f => f.Instance is JobTelemetryFilter))
            {
                config.UseFilter(new JobTelemetryFilter(provider.GetRequiredService<Features.Observability.HotlineMetrics>()));
            }

            if (jobs.Storage == JobStorage.InMemory)
            {
                config.UseInMemoryStorage(new InMemoryStorageOptions());
                return;
            }

            var connectionString = DependencyInjection.ResolveConnectionString(configuration, database, environment);
            switch (database.Provider)
            {
                case DatabaseProvider.PostgreSql:
                    config.UsePostgreSqlStorage(
                        o => o.UseNpgsqlConnection(connectionString),
                        new PostgreSqlStorageOptions { SchemaName = Schema, PrepareSchemaIfNecessary = true, QueuePollInterval = TimeSpan.FromSeconds(1) });
                    break;
                case DatabaseProvider.SqlServer:
                    config.UseSqlServerStorage(connectionString, new SqlServerStorageOptions { SchemaName = Schema, PrepareSchemaIfNecessary = true });
                    break;
                default:
                    throw new InvalidOperationException("Jobs:Storage=Database needs PostgreSQL or SQL Server; the embedded SQLite default runs jobs in memory.");
            }
        });

        if (runServer ?? jobs.ShouldRunServerInProcess)
        {
            services.AddHangfireServer((sp, o) =>
            {
                var options = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
                o.SchedulePollingInterval = options.SchedulePollingInterval;
                o.WorkerCount = options.WorkerCount;
                o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            });
            services.AddHostedService<RecurringJobsRegistration>();
            if (configuration.GetSection(Features.Webhooks.WebhookOptions.Section).Get<Features.Webhooks.WebhookOptions>()?.Deliver ?? true)
            {
                services.AddHostedService<WebhookDeliveryService>();
            }
        }

        return services;
    }

    /// <summary>Every recurring job, with a stable id and China time.</summary>
    public static void RegisterRecurringJobs(IRecurringJobManager manager, DeadlineOptions deadlines)
    {
        manager.AddOrUpdate<AuditSealJob>(AuditSealJob.Id, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), new RecurringJobOptions { TimeZone = ChinaTimeZone });
        manager.AddOrUpdate<IdempotencyCleanupJob>(IdempotencyCleanupJob.Id, job => job.RunAsync(CancellationToken.None), "17 * * * *", new RecurringJobOptions { TimeZone = ChinaTimeZone });
        manager.AddOrUpdate<KpiCompactionJob>(KpiCompactionJob.Id, job => job.RunAsync(CancellationToken.None), "*/10 * * * *", new RecurringJobOptions { TimeZone = ChinaTimeZone });
        manager.AddOrUpdate<DeadlineSweepJob>(
            DeadlineSweepJobId,
            job => job.RunAsync(CancellationToken.None),
            deadlines.SweepCron(),
            new RecurringJobOptions { TimeZone = ChinaTimeZone });
    }

    /// <summary>The retention of personal data (docs/privacy.md).</summary>
    public static void RegisterPrivacyRetention(IRecurringJobManager manager, Features.Privacy.PrivacyOptions privacy) =>
        manager.AddOrUpdate<PrivacyRetentionJob>(
            PrivacyRetentionJob.Id, job => job.RunAsync(CancellationToken.None), privacy.RetentionCron, new RecurringJobOptions { TimeZone = ChinaTimeZone });

    /// <summary>The removal of attachment blobs no row refers to (docs/attachments.md).</summary>
    public static void RegisterAttachmentCleanup(IRecurringJobManager manager, Features.Attachments.AttachmentOptions attachments) =>
        manager.AddOrUpdate<AttachmentOrphanJob>(
            AttachmentOrphanJob.Id, job => job.RunAsync(CancellationToken.None), attachments.OrphanCleanupCron, new RecurringJobOptions { TimeZone = ChinaTimeZone });

    /// <summary>The callback sweep (docs/telephony.md).</summary>
    public static void RegisterCallbackSweep(IRecurringJobManager manager, Features.Callbacks.CallbackOptions callbacks) =>
        manager.AddOrUpdate<CallbackSweepJob>(
            CallbackSweepJobId,
            job => job.RunAsync(CancellationToken.None),
            callbacks.SweepCron(),
            new RecurringJobOptions { TimeZone = ChinaTimeZone });

    /// <summary>The weekly retraining of the category model (docs/intelligence.md); an empty cron removes it.</summary>
    public static void RegisterCategoryRetrain(IRecurringJobManager manager, Features.Intelligence.IntelligenceOptions intelligence)
    {
        if (string.IsNullOrWhiteSpace(intelligence.RetrainCron))
        {
            manager.RemoveIfExists(CategoryTrainingJob.RetrainId);
            return;
        }

        manager.AddOrUpdate<CategoryTrainingJob>(
            CategoryTrainingJob.RetrainId, job => job.RetrainAsync(CancellationToken.None), intelligence.RetrainCron, new RecurringJobOptions { TimeZone = ChinaTimeZone });
    }

    private static TimeZoneInfo FindChinaTimeZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }
    }
}

/// <summary>Registers the recurring jobs when a job server starts in this process.</summary>
internal sealed class RecurringJobsRegistration(
    IRecurringJobManager manager, IOptions<DeadlineOptions> deadlines, IOptions<Features.Callbacks.CallbackOptions> callbacks, IOptions<Features.Intelligence.IntelligenceOptions> intelligence,
    IOptions<Features.Privacy.PrivacyOptions> privacy, IOptions<Features.Attachments.AttachmentOptions> attachments)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        JobsSetup.RegisterRecurringJobs(manager, deadlines.Value);
        JobsSetup.RegisterCallbackSweep(manager, callbacks.Value);
        JobsSetup.RegisterCategoryRetrain(manager, intelligence.Value);
        JobsSetup.RegisterPrivacyRetention(manager, privacy.Value);
        JobsSetup.RegisterAttachmentCleanup(manager, attachments.Value);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
