using Hotline.Api.Auth;
using Hotline.Contracts.Templates;
using Hotline.Core.Features.Templates.ListTemplates;
using Hotline.Core.Features.Templates.SaveTemplate;
using MediatR;

namespace Hotline.Api.Endpoints;

/// <summary>
/// 常用语 and 工单模板 (agents read; supervisors and administrators write) and 答复模板 (units read the centre's and their
/// own and write their own; supervisors and administrators read and write all).
/// </summary>
public static class TemplateEndpoints
{
    public static IEndpointRouteBuilder MapTemplateEndpoints(this IEndpointRouteBuilder app)
    {
        Map(app, "/api/phrases", TextTemplateKind.Phrase, "常用语", Policies.IntakeTemplates, Policies.TemplateManager);
        Map(app, "/api/order-templates", TextTemplateKind.OrderTemplate, "工单模板", Policies.IntakeTemplates, Policies.TemplateManager);
        Map(app, "/api/reply-templates", TextTemplateKind.ReplyTemplate, "答复模板", Policies.ReplyTemplates, Policies.ReplyTemplates);
        return app;
    }

    private static void Map(IEndpointRouteBuilder app, string path, TextTemplateKind kind, string label, string readPolicy, string writePolicy)
    {
        var group = app.MapGroup(path).WithTags("Templates");
        group.MapGet("", (bool? includeInactive, IMediator m, CancellationToken ct) => m.Send(new ListTemplates(kind, includeInactive == true), ct))
            .RequireAuthorization(readPolicy)
            .WithSummary($"The {label} in their order (active ones unless includeInactive=true)");
        group.MapPost("", async (UpsertTextTemplateRequest body, IMediator m, CancellationToken ct) =>
            {
                var saved = await m.Send(new SaveTemplate(kind, null, body), ct);
                return TypedResults.Created($"{path}/{saved.Id}", saved);
            })
            .RequireAuthorization(writePolicy)
            .WithSummary($"Add a {label}; 409 when the name is taken")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:guid}", (Guid id, UpsertTextTemplateRequest body, IMediator m, CancellationToken ct) => m.Send(new SaveTemplate(kind, id, body), ct))
            .RequireAuthorization(writePolicy)
            .WithSummary($"Replace a {label}: text, name, order, active or not")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }
}
