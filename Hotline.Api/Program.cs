using Hotline.Api;
using Hotline.Api.Endpoints;
using Hotline.Core;
using Hotline.Core.Data.Seeding;
using Hotline.Core.Jobs;
using Hotline.Core.Realtime;
using Hotline.Api.Jobs;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddHotlineCore(builder.Configuration, builder.Environment);
builder.Services.AddApiServices(builder.Configuration);
builder.Services.AddHotlineJobs(builder.Configuration, builder.Environment);

var app = builder.Build();

await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
}

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseBlazorFrameworkFiles();
app.UseDefaultFiles();
app.UseStaticFiles();

// Routing after the console's static files, so the SPA fallback never claims a framework file.
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseJobsDashboard();

app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference("/docs", o => o.WithTitle("Hotline API")).AllowAnonymous();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();

app.MapAuthEndpoints();
app.MapReferenceEndpoints();
app.MapTicketEndpoints();
app.MapEventEndpoints();
app.MapKpiEndpoints();
app.MapHub<HotlineHub>(HotlineHub.Path);
// The console's client-side routes fall back to index.html; /api, /hubs and /openapi never do, so an unknown
// API route is a ProblemDetails 404 and a wrong content type a 415.
app.MapFallbackToFile("{*path:regex(^(?!api/|hubs/|openapi/|health/).*$)}", "index.html");

app.Run();

/// <summary>Visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
