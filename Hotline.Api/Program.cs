using Hotline.Api;
using Hotline.Api.Auth;
using Hotline.Api.Citizens;
using Hotline.Api.Endpoints;
using Hotline.Api.Errors;
using Hotline.Api.Idempotency;
using Hotline.Core;
using Hotline.Core.Data.Seeding;
using Hotline.Core.Features.Observability;
using Hotline.Core.Jobs;
using Hotline.Core.Realtime;
using Hotline.Api.Jobs;
using Scalar.AspNetCore;

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

// Misconfiguration is one clear line and exit code 78 here, not a 500 later (docs/operations.md, "Start-up checks").
if (!await StartupChecks.PassAsync(app.Services, app.Lifetime.ApplicationStopping, services => _ = services.GetRequiredService<Hotline.Api.Auth.SigningKeyProvider>().Key))
{
    await app.DisposeAsync();
    Environment.ExitCode = StartupChecks.ExitCode;
    return;
}

await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
}

// The trimmed, precompressed console that the build published beside the API, when there is one (ConsoleFiles).
app.Environment.UsePublishedConsole(AppContext.BaseDirectory);

app.UseForwardedHeaders();
app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseKnownRequestCharsets();
app.UseCitizenSecurityHeaders();
app.UseBlazorFrameworkFiles();
app.UseDefaultFiles();
app.UseStaticFiles();

// Routing after the console's static files, so the SPA fallback never claims a framework file.
app.UseRouting();
app.UseAuthentication();
app.UseEnrolmentOnlyGate();
app.UseAuthorization();
app.UseRateLimiter();
app.UseIdempotentWrites();
app.UseJobsDashboard();

app.MapOpenApi().AllowAnonymous();
// Scalar's default fonts come from fonts.scalar.com: the page would call a third party, and its policy forbids it.
app.MapScalarApiReference("/docs", o => o.WithTitle("Hotline API").DisableDefaultFonts()).AllowAnonymous();
app.MapHotlineHealthChecks();

// Every API route: enums in the route or query only by their exact names, as in JSON bodies.
var api = app.MapGroup(string.Empty).AddEndpointFilterFactory(StrictEnumBinding.Create);
api.MapAuthEndpoints();
api.MapAuditEndpoints();
api.MapWebhookEndpoints();
api.MapExchangeEndpoints();
api.MapReferenceEndpoints();
api.MapTicketEndpoints();
api.MapAttachmentEndpoints();
api.MapAppealEndpoints();
api.MapCallbackDeskEndpoints();
api.MapTemplateEndpoints();
api.MapEventEndpoints();
api.MapCitizenEndpoints();
api.MapOpen311Endpoints();
api.MapTelephonyEndpoints();
api.MapKpiEndpoints();
api.MapQualityEndpoints();
api.MapKnowledgeEndpoints();
api.MapIntelligenceEndpoints();
api.MapSimilarityEndpoints();
api.MapAssistEndpoints();
app.MapHub<HotlineHub>(HotlineHub.Path);
// The console's client-side routes fall back to index.html; /api, /hubs and /openapi never do, so an unknown
// API route is a ProblemDetails 404 and a wrong content type a 415.
app.MapFallbackToFile("{*path:regex(^(?!api/|hubs/|openapi/|health/|open311/).*$)}", "index.html");

app.Run();

/// <summary>Visible to WebApplicationFactory in the integration tests.</summary>
public partial class Program;
