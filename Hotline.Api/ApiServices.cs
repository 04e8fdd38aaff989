using Hotline.Api.Auth;
using Hotline.Api.Errors;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Core.Json;
using Hotline.Core.Realtime;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Microsoft.OpenApi;

namespace Hotline.Api;

public static class ApiServices
{
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static IServiceCollection AddApiServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();

        services.Configure<JsonOptions>(o => ConfigureJson(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = MaxRequestBodyBytes);

        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
            c.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? c.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();

        services.AddOptions<JwtOptions>().Bind(configuration.GetSection(JwtOptions.Section))
            .Validate(o => o.ClientTokenLifetime >= TimeSpan.FromMinutes(1) && o.ClientTokenLifetime <= TimeSpan.FromHours(24), "Auth:ClientTokenLifetime must be between 00:01:00 and 1.00:00:00.")
            .ValidateOnStart();
        services.AddSingleton<SigningKeyProvider>();
        services.AddSingleton<TokenService>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKeyProvider, IOptions<JwtOptions>>((o, keys, jwt) =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = jwt.Value.Issuer,
                    ValidAudience = jwt.Value.Audience,
                    IssuerSigningKey = keys.Key,
                    NameClaimType = "name",
                    RoleClaimType = "role",
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                o.Events = new JwtBearerEvents
                {
                    // Browsers cannot set headers on WebSockets: the hub, and only the hub, takes the token from the query string.
                    OnMessageReceived = context =>
                    {
                        if (context.HttpContext.Request.Path.StartsWithSegments("/hubs") && context.Request.Query.TryGetValue("access_token", out var token))
                        {
                            context.Token = token;
                        }
                        else if (string.IsNullOrEmpty(context.Request.Headers.Authorization) && Jobs.JobsDashboard.TokenFor(context.HttpContext) is { } dashboardToken)
                        {
                            context.Token = dashboardToken;
                        }

                        return Task.CompletedTask;
                    },

                    // A token outlives changes to its account: deactivated, other roles or unit, a new password.
                    OnTokenValidated = async context =>
                    {
                        var access = context.HttpContext.RequestServices.GetRequiredService<Core.Features.Users.UserAccessCache>();
                        if (context.Principal is null || !await access.AdmitsAsync(context.Principal, context.HttpContext.RequestAborted))
                        {
                            context.Fail("该账号已停用或权限已变更，请重新登录。(The account was deactivated or changed; sign in again.)");
                        }
                    },
                };
            });
        services.AddAuthorization(Policies.Add);

        services.AddOpenApi(o =>
        {
            o.AddSchemaTransformer(StrictEnumBinding.DescribeEnumsAsync);
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Hotline API";
                document.Info.Description = "12345 政务服务便民热线 接诉即办: orders, dispatch, deadlines and callbacks. Sign in with POST /api/auth/token and send `Authorization: Bearer <token>`.";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                };
                document.Security ??= [];
                document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
                return Task.CompletedTask;
            });
        });

        services.AddHotlineSignalR(configuration);
        Core.Features.Knowledge.KnowledgeSetup.AddKnowledgeIndexing(services);
        Core.Features.Intelligence.IntelligenceSetup.AddCategoryModelServing(services);
        Core.Features.Tickets.Similarity.SimilaritySetup.AddTicketSimilarityIndexing(services);

        services.AddHealthChecks().AddDbContextCheck<HotlineDbContext>("database", tags: ["ready"]);
        return services;
    }

    public static void ConfigureJson(System.Text.Json.JsonSerializerOptions options) => HotlineJson.Configure(options);
}
