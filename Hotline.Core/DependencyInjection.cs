using Microsoft.AspNetCore.DataProtection;
using FluentValidation;
using Hotline.Core.Data;
using Hotline.Core.Data.Seeding;
using Hotline.Domain.Users;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Reference;
using Hotline.Core.Telephony;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Hotline.Core;

public static class DependencyInjection
{
    /// <summary>The database, MediatR with its pipeline, validators, reference data and seeding: everything both hosts share.</summary>
    public static IServiceCollection AddHotlineCore(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SeedOptions>().Bind(configuration).ValidateOnStart();
        services.AddOptions<Features.Deadlines.DeadlineOptions>().Bind(configuration.GetSection(Features.Deadlines.DeadlineOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Features.Events.EventsOptions>().Bind(configuration.GetSection(Features.Events.EventsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Features.Events.ChangeLogHorizon>();
        services.AddOptions<Features.Kpis.KpiOptions>().Bind(configuration.GetSection(Features.Kpis.KpiOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Features.Users.SignIn.SignInLimitOptions>().Bind(configuration.GetSection(Features.Users.SignIn.SignInLimitOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Features.Users.AccountOptions>().Bind(configuration.GetSection(Features.Users.AccountOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Features.Tickets.TicketNumberOptions>().Bind(configuration.GetSection(Features.Tickets.TicketNumberOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Features.Tickets.TicketNumberAllocator>();
        services.AddSingleton<TimeProvider>(new Domain.Common.MillisecondTimeProvider(TimeProvider.System));

        // The options are built once per process (not per request); each request gets its own context.
        services.AddDbContext<HotlineDbContext>(
            (sp, builder) =>
            {
                var options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
                DbContextOptionsFactory.Configure(builder, options.Provider, ResolveConnectionString(configuration, options, environment));
            },
            contextLifetime: ServiceLifetime.Scoped,
            optionsLifetime: ServiceLifetime.Singleton);

        services.AddSingleton<ReferenceDataCache>();
        services.AddSingleton<Features.Users.UserAccessCache>();
        services.AddOptions<Features.Common.Idempotency.IdempotencyOptions>().Bind(configuration.GetSection(Features.Common.Idempotency.IdempotencyOptions.Section))
            .Validate(o => o.Retention >= TimeSpan.FromHours(1) && o.InProgressTimeout >= TimeSpan.FromSeconds(5), "Idempotency:Retention must be at least 1 hour and Idempotency:InProgressTimeout at least 5 seconds.")
            .ValidateOnStart();
        services.AddSingleton<Features.Common.Idempotency.IdempotencyStore>();
        services.AddScoped<Features.Kpis.MeasureCalculator>();
        services.AddScoped<Features.Kpis.VolumeCalculator>();
        services.AddScoped<Features.Kpis.GetCallMeasures.CallMeasureReader>();
        services.AddScoped<Features.Kpis.HotSpotFinder>();
        services.AddScoped<Features.Kpis.KpiOrderFinder>();
        services.AddSingleton<Features.Observability.HotlineMetrics>();
        services.AddScoped<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddScoped<Features.Users.SignIn.SignInLimiter>();
        services.AddScoped<Features.Users.Sessions.SessionStore>();
        services.AddSingleton<Features.Users.Passwords.PasswordPolicy>();
        services.AddScoped<DatabaseInitializer>();
        AddKeyRing(services, configuration, environment);
        services.AddSingleton<Features.Users.TwoFactor.TotpSecretProtector>();
        services.AddScoped<Features.Audit.AuditLog>();
        services.AddSingleton<Features.Audit.AuditReadWriter>();
        Features.Privacy.PrivacySetup.AddPrivacy(services);
        Features.Attachments.AttachmentSetup.AddAttachments(services, configuration);

        services.AddHotlineTelephony(configuration);
        Features.Knowledge.KnowledgeSetup.AddKnowledgeBase(services, configuration);
        Features.Intelligence.IntelligenceSetup.AddIntelligence(services, configuration);
        Features.Tickets.Similarity.SimilaritySetup.AddTicketSimilarity(services, configuration);
        Features.Assist.AssistSetup.AddAssist(services, configuration);
        Features.Webhooks.WebhookSetup.AddWebhooks(services, configuration);
        services.AddMediatR5(typeof(DependencyInjection).Assembly);
        // Validators hold only their rules and singletons (reference data, options): built once, not per request.
        // The hosts validate scopes on build, so a validator that took a scoped service would fail at start.
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        ValidatorOptions.Global.LanguageManager.Culture = new System.Globalization.CultureInfo("zh-CN");
        return services;
    }

    /// <summary>
    /// ASP.NET Core Data Protection's key ring (it encrypts the TOTP secrets): in <c>DataProtection:KeysDirectory</c>,
    /// default <c>keys</c> in <c>Database:DataDirectory</c>, as the JWT key and the attachments are. With several nodes the
    /// folder is one shared volume mounted on every API node and job host, or each node would mint keys the others lack.
    /// </summary>
    private static void AddKeyRing(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var directory = Path.GetFullPath(configuration["DataProtection:KeysDirectory"] ?? Path.Combine(database.DataDirectory, "keys"), environment.ContentRootPath);
        services.AddDataProtection().SetApplicationName("Hotline").PersistKeysToFileSystem(new DirectoryInfo(directory));
    }

    public static string ResolveConnectionString(IConfiguration configuration, DatabaseOptions options, IHostEnvironment environment)
    {
        var configured = configuration.GetConnectionString("Hotline");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (options.Provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException($"ConnectionStrings:Hotline is required for Database:Provider={options.Provider}.");
        }

        var directory = Path.GetFullPath(options.DataDirectory, environment.ContentRootPath);
        Directory.CreateDirectory(directory);
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "hotline.db"), Pooling = true }.ToString();
    }

    /// <summary>
    /// MediatR 5.1.0 without its DI package (not served here, see docs/decisions/0002): the mediator is scoped so
    /// handlers share the request's DbContext; behaviors run outermost first: logging, transient-failure retry (validators read
    /// the database too), validation, domain events, and innermost the audit trail (its entry is saved with the handler's change).
    /// </summary>
    private static void AddMediatR5(this IServiceCollection services, System.Reflection.Assembly assembly)
    {
        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, Mediator>();
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TransientRetryBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(DomainEventsBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(Features.Audit.AuditBehavior<,>));

        foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType))
            {
                var definition = contract.GetGenericTypeDefinition();
                if (definition == typeof(IRequestHandler<,>) || definition == typeof(INotificationHandler<>))
                {
                    services.AddScoped(contract, type);
                }
            }
        }
    }
}
