using Hotline.Core;
using Hotline.Core.Data;
using Hotline.Domain.Common;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Observability;
using Hotline.Core.Jobs;
using Hotline.Core.Realtime;

// The job host: a Hangfire server on the configured storage (Jobs:Storage=Database shares the API's
// PostgreSQL or SQL Server database, schema "hangfire"), the recurring jobs, and health endpoints.
// Several workers may run at once: every job is idempotent and the deadline sweep raises each alert once.
var builder = WebApplication.CreateBuilder(args);
// Every environment, not only Development: a singleton that captured a scoped service (a validator holding a
// DbContext, say) fails at start instead of leaking one request's state into the next.
builder.Host.UseDefaultServiceProvider(o => (o.ValidateScopes, o.ValidateOnBuild) = (true, true));
builder.Services.AddHotlineCore(builder.Configuration, builder.Environment);
builder.Services.AddHotlineJobs(builder.Configuration, builder.Environment, runServer: true);
builder.Services.AddSingleton<ICurrentUser, WorkerUser>();
builder.Services.AddHotlineTelemetry(builder.Configuration, "Hotline.Worker");

// The hub context the real-time notifier publishes to: through the Redis backplane (Redis:Configuration)
// the worker's deadline alerts reach consoles connected to any API node. Without one they reach nobody
// live, and consoles still see the changes through /api/events.
builder.Services.AddHotlineSignalR(builder.Configuration);
builder.Services.AddHealthChecks().AddDbContextCheck<HotlineDbContext>("database", tags: ["ready"]);
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));

var app = builder.Build();
if (!await StartupChecks.PassAsync(app.Services, app.Lifetime.ApplicationStopping))
{
    await app.DisposeAsync();
    Environment.ExitCode = StartupChecks.ExitCode;
    return;
}

app.MapHotlineHealthChecks();
app.Run();

/// <summary>Jobs act as the system, never as a signed-in person.</summary>
internal sealed class WorkerUser : ICurrentUser
{
    public Actor Actor { get; } = Actor.System("worker");
}
