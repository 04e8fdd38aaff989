using Hotline.Core;
using Hotline.Core.Data;
using Hotline.Core.Domain.Common;
using Hotline.Core.Features.Common;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

// The job host. It shares Hotline.Core and the database with the API; the deadline and callback jobs
// (Hangfire) are registered here by the deadlines issue. Today it serves its health endpoints only.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHotlineCore(builder.Configuration, builder.Environment);
builder.Services.AddSingleton<ICurrentUser, WorkerUser>();
builder.Services.AddHealthChecks().AddDbContextCheck<HotlineDbContext>("database", tags: ["ready"]);

var app = builder.Build();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
app.Run();

/// <summary>Jobs act as the system, never as a signed-in person.</summary>
internal sealed class WorkerUser : ICurrentUser
{
    public Actor Actor { get; } = Actor.System("worker");
}
