using Hotline.Api.Auth;
using Hotline.Contracts.Intelligence;
using Hotline.Core.Features.History.ImportHistory;
using Hotline.Core.Features.Intelligence.ActivateCategoryModel;
using Hotline.Core.Features.Intelligence.ClassifyDemand;
using Hotline.Core.Features.Intelligence.GetCategoryModel;
using Hotline.Core.Features.Intelligence.GetSuggestionAcceptance;
using Hotline.Core.Features.Intelligence.ListCategoryModels;
using Hotline.Core.Features.Intelligence.StartTraining;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Api.Endpoints;

/// <summary>智能分类 (docs/intelligence.md): the history import, the category models and their training, classification, and the suggestions' acceptance.</summary>
public static class IntelligenceEndpoints
{
    /// <summary>A 50,000-line history import is tens of megabytes; it is read line by line, never held whole.</summary>
    public const long MaxImportBytes = 512L * 1024 * 1024;

    public static IEndpointRouteBuilder MapIntelligenceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/admin/history/import", ImportHistoryAsync).WithTags("Intelligence").RequireAuthorization(Policies.Admin)
            .WithMetadata(new RequestSizeLimitAttribute(MaxImportBytes))
            .Accepts<HistoryOrderLine[]>("application/json", KnowledgeEndpoints.JsonLinesType)
            .WithSummary("历史工单导入 (Admin): JSON Lines (application/x-ndjson) or a JSON array of {externalId, content, categoryCode, districtCode?, streetCode?, leadUnitCode?, type?, channel?, createdAt?, closedAt?, answer?}; closed orders (close reason Imported, numbers H…), idempotent by externalId, streamed in batches; → {created, unchanged, errors:[{line, message}]}")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        var group = app.MapGroup("/api/intelligence").WithTags("Intelligence");
        var models = group.MapGroup("/category-models");
        models.MapPost(string.Empty, async (IMediator m, CancellationToken ct) =>
            {
                var model = await m.Send(new StartTraining(), ct);
                return TypedResults.Accepted($"/api/intelligence/category-models/{model.Id}", model);
            })
            .RequireAuthorization(Policies.Admin)
            .WithSummary("训练分类模型 (Admin): a training job on the job server → 202 with Location; 409 while one runs or with too few closed orders")
            .ProducesProblem(StatusCodes.Status409Conflict);
        models.MapGet(string.Empty, (IMediator m, CancellationToken ct) => m.Send(new ListCategoryModels(), ct))
            .RequireAuthorization(Policies.Analytics).WithSummary("The models, newest first (Supervisor, Admin)");
        models.MapGet("/active", (IMediator m, CancellationToken ct) => m.Send(new GetCategoryModel(null, ActiveOnly: true), ct))
            .RequireAuthorization(Policies.AnyStaff).WithSummary("The active model; 409 when none is active").ProducesProblem(StatusCodes.Status409Conflict);
        models.MapGet("/acceptance", (IMediator m, DateOnly? from, DateOnly? to, Guid? modelId, CancellationToken ct) => m.Send(new GetSuggestionAcceptance(from, to, modelId), ct))
            .RequireAuthorization(Policies.Analytics)
            .WithSummary("采纳率 (Supervisor, Admin): suggestions kept per ISO week and per suggested category, and the suggested → chosen pairs; China days from–to (default the last 12 weeks)")
            .ProducesValidationProblem();
        models.MapGet("/{id:guid}", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetCategoryModel(id), ct))
            .RequireAuthorization(Policies.AnyStaff)
            .WithSummary("One model: {id, status: Training|Ready|Failed, samples, trainedAt, evaluation:{accuracy, macroF1, perCategory}, active}")
            .ProducesProblem(StatusCodes.Status404NotFound);
        models.MapPost("/{id:guid}/activate", (Guid id, IMediator m, CancellationToken ct) => m.Send(new ActivateCategoryModel(id), ct))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("启用 (Admin): makes a Ready model active whatever its score; a stored model that cannot be loaded is refused (409) and the active one stays")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/classify", (ClassifyRequest body, IMediator m, CancellationToken ct) => m.Send(new ClassifyDemand(body), ct))
            .RequireAuthorization(Policies.Dispatcher)
            .WithSummary("智能分类 (Agent, Supervisor): {content ≤ 4000, districtCode?, streetCode?} → {modelId, categories:[{code, name, probability}] top 3, unit:{unitId, name, reason}?}; 409 when no model is active")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<IResult> ImportHistoryAsync(HttpRequest request, IMediator m, CancellationToken ct) =>
        KnowledgeEndpoints.ImportFormat(request) is { } jsonLines
            ? TypedResults.Ok(await m.Send(new ImportHistory(request.Body, jsonLines), ct))
            : KnowledgeEndpoints.UnsupportedImport();
}
