using Hotline.Core;
using Hotline.Core.Data;
using Hotline.Core.Domain.Common;
using Hotline.Core.Features.Common;
using Hotline.Core.Jobs;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

// The job host: a Hangfire server on the configured storage (Jobs:Storage=Database shares the API's
// PostgreSQL or SQL Server database, schema "hangfire"), the recurring jobs, and health endpoints.
// Several workers may run at once: every job is idempotent and the deadline sweep raises each alert once.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHotlineCore(builder.Configuration, builder.Environment);
builder.Services.AddHotlineJobs(builder.Configuration, builder.Environment, runServer: true);
builder.Services.AddSingleton<ICurrentUser, WorkerUser>();

// The hub context the real-time notifier publishes to. Without a backplane a worker has no connected
// consoles, so its pushes reach nobody; consoles still see its changes through /api/events.
builder.Services.AddSignalR();
builder.Services.AddHealthChecks().AddDbContextCheck<HotlineDbContext>("database", tags: ["ready"]);
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));

var app = builder.Build();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
app.Run();

/// <summary>Jobs act as the system, never as a signed-in person.</summary>
internal sealed class WorkerUser : ICurrentUser
{
    public Actor Actor { get; } = Actor.System("worker");
}
