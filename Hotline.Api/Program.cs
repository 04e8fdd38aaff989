using Hotline.Api;
using Hotline.Api.Citizens;
using Hotline.Api.Endpoints;
using Hotline.Core;
using Hotline.Core.Data.Seeding;
using Hotline.Core.Features.Observability;
using Hotline.Core.Jobs;
using Hotline.Core.Realtime;
using Hotline.Api.Jobs;
using Scalar.AspNetCore;

if (Hotline.Api.Telephony.TelephonySimulator.IsCommand(args))
{
    // `dotnet run --project Hotline.Api -- simulate-call 13800000000`: signed webhooks to a running API (docs/telephony.md).
    Environment.ExitCode = await Hotline.Api.Telephony.TelephonySimulator.RunAsync(args);
    return;
}

var builder = WebApplication.CreateBuilder(args);
// Every environment, not only Development: a singleton that captured a scoped service (a validator holding a
// DbContext, say) fails at start instead of leaking one request's state into the next.
builder.Host.UseDefaultServiceProvider(o => (o.ValidateScopes, o.ValidateOnBuild) = (true, true));
builder.Services.AddHotlineCore(builder.Configuration, builder.Environment);
builder.Services.AddApiServices(builder.Configuration);
builder.Services.AddHotlineJobs(builder.Configuration, builder.Environment);
builder.Services.AddHotlineTelemetry(builder.Configuration, "Hotline.Api");
builder.Services.AddCitizenChannels(builder.Configuration);
builder.Services.AddHotlineForwardedHeaders(builder.Configuration);

var app = builder.Build();

await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
}

app.UseForwardedHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseCitizenSecurityHeaders();
app.UseBlazorFrameworkFiles();
app.UseDefaultFiles();
app.UseStaticFiles();

// Routing after the console's static files, so the SPA fallback never claims a framework file.
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseJobsDashboard();

app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference("/docs", o => o.WithTitle("Hotline API")).AllowAnonymous();
app.MapHotlineHealthChecks();

app.MapAuthEndpoints();
app.MapReferenceEndpoints();
app.MapTicketEndpoints();
app.MapEventEndpoints();
app.MapCitizenEndpoints();
app.MapOpen311Endpoints();
app.MapTelephonyEndpoints();
app.MapKpiEndpoints();
app.MapKnowledgeEndpoints();
app.MapHub<HotlineHub>(HotlineHub.Path);
// The console's client-side routes fall back to index.html; /api, /hubs and /openapi never do, so an unknown
// API route is a ProblemDetails 404 and a wrong content type a 415.
app.MapFallbackToFile("{*path:regex(^(?!api/|hubs/|openapi/|health/|open311/).*$)}", "index.html");

app.Run();

/// <summary>Visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
