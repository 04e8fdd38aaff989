using Hotline.Api.Auth;
using Hotline.Api.Citizens;
using Hotline.Contracts.Knowledge;
using Hotline.Core.Features.Knowledge.Corrections;
using Hotline.Core.Features.Knowledge.CreateArticle;
using Hotline.Core.Features.Knowledge.EditArticle;
using Hotline.Core.Features.Knowledge.ExportArticles;
using Hotline.Core.Features.Knowledge.GetArticle;
using Hotline.Core.Features.Knowledge.GetInsights;
using Hotline.Core.Features.Knowledge.ImportArticles;
using Hotline.Core.Features.Knowledge.ListArticles;
using Hotline.Core.Features.Knowledge.ListGaps;
using Hotline.Core.Features.Knowledge.ListReviewDue;
using Hotline.Core.Features.Knowledge.PreviewArticle;
using Hotline.Core.Features.Knowledge.RecordUsage;
using Hotline.Core.Features.Knowledge.RetireArticle;
using Hotline.Core.Features.Knowledge.ReviewArticle;
using Hotline.Core.Features.Knowledge.SearchKnowledge;
using Hotline.Core.Features.Knowledge.SubmitArticle;
using Hotline.Core.Features.Knowledge.Synonyms;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Api.Endpoints;

/// <summary>知识库 (docs/knowledge.md): articles and their review, import/export, search, synonyms, and what makes the knowledge improve.</summary>
public static class KnowledgeEndpoints
{
    public const string JsonLinesType = "application/x-ndjson";

    public static IEndpointRouteBuilder MapKnowledgeEndpoints(this IEndpointRouteBuilder app)
    {
        var kb = app.MapGroup("/api/knowledge").WithTags("Knowledge").RequireAuthorization(Policies.AnyUser);

        kb.MapGet("/search", (IMediator m, string? q, int? top, KnowledgeAudience? audience, string? categoryCode, bool? includeExpired, CancellationToken ct) =>
                m.Send(new SearchKnowledge(q, top, audience, categoryCode, includeExpired == true), ct))
            .WithSummary("知识检索: best first (top 1–50, default 10), matched words in <mark> in an otherwise HTML-escaped snippet; categoryCode boosts; expired articles only with includeExpired=true; 400 for an empty or >500-character q")
            .ProducesValidationProblem();

        kb.MapGet("/articles", (IMediator m, ArticleStatus? status, string? q, int? page, int? pageSize, CancellationToken ct) =>
                m.Send(new ListArticles(status, q, page ?? 1, pageSize ?? 50), ct))
            .RequireAuthorization(Policies.KnowledgeManager).WithSummary("The editors' list; status=InReview is the reviewers' queue");
        kb.MapPost("/articles", async (ArticleRequest body, IMediator m, CancellationToken ct) =>
            {
                var article = await m.Send(new CreateArticle(body), ct);
                return TypedResults.Created($"/api/knowledge/articles/{article.Id}", article);
            })
            .RequireAuthorization(Policies.KnowledgeEditor).WithSummary("新建草稿 (KnowledgeEditor, Admin)").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        kb.MapGet("/articles/{id:guid}", async (Guid id, IMediator m, HttpContext http, CancellationToken ct) =>
            {
                var article = await m.Send(new GetArticle(id), ct);
                http.Response.Headers.ETag = $"\"{article.Version}\"";
                return TypedResults.Ok(article);
            })
            .WithSummary("One article: the working copy for editors and reviewers, the published version for everyone else; bodyHtml is sanitized; expired ones say 已失效")
            .ProducesProblem(StatusCodes.Status404NotFound);
        kb.MapPut("/articles/{id:guid}", (Guid id, ArticleRequest body, HttpRequest http, IMediator m, CancellationToken ct) =>
                m.Send(new EditArticle(id, body, TicketEndpoints.Version(http, body.Version)), ct))
            .RequireAuthorization(Policies.KnowledgeEditor).WithSummary("修改: a new version (If-Match or version required; a stale one is 409); the published version stays live until the new one is approved")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        kb.MapPost("/preview", (ArticlePreviewRequest body, IMediator m, CancellationToken ct) => m.Send(new PreviewArticle(body.Body), ct))
            .RequireAuthorization(Policies.KnowledgeEditor).WithSummary("预览: Markdown rendered and sanitized exactly as a saved article's bodyHtml (nothing is stored)")
            .ProducesValidationProblem();
        kb.MapGet("/articles/{id:guid}/versions", (Guid id, IMediator m, CancellationToken ct) => m.Send(new ListArticleVersions(id), ct))
            .RequireAuthorization(Policies.KnowledgeManager).WithSummary("历史版本: every version, newest first, with who changed it and when").ProducesProblem(StatusCodes.Status404NotFound);
        kb.MapPost("/articles/{id:guid}/submit", (Guid id, [FromBody] NoteOnlyRequest? body, HttpRequest http, IMediator m, CancellationToken ct) =>
                m.Send(new SubmitArticle(id, TicketEndpoints.Version(http, body?.Version)), ct))
            .RequireAuthorization(Policies.KnowledgeEditor).WithSummary("提交审核 (Draft → InReview)").ProducesProblem(StatusCodes.Status409Conflict);
        kb.MapPost("/articles/{id:guid}/review", (Guid id, ReviewRequest body, HttpRequest http, IMediator m, CancellationToken ct) =>
                m.Send(new ReviewArticle(id, body.Approve, body.Note, TicketEndpoints.Version(http, body.Version)), ct))
            .RequireAuthorization(Policies.KnowledgeReviewer).WithSummary("审核: publish or send back with a note (Supervisor, Admin; never the author: 403)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        kb.MapPost("/articles/{id:guid}/retire", (Guid id, [FromBody] NoteOnlyRequest? body, HttpRequest http, IMediator m, CancellationToken ct) =>
                m.Send(new RetireArticle(id, body?.Note, TicketEndpoints.Version(http, body?.Version)), ct))
            .RequireAuthorization(Policies.KnowledgeManager).WithSummary("下线: no longer found; the versions stay for history").ProducesProblem(StatusCodes.Status409Conflict);

        kb.MapPost("/articles/{id:guid}/views", (Guid id, [FromBody] ArticleViewRequest? body, IMediator m, CancellationToken ct) =>
                m.Send(new RecordArticleView(id, body?.SearchId, false), ct))
            .WithSummary("An article was opened (searchId: from which search result) → its counts").ProducesProblem(StatusCodes.Status404NotFound);
        kb.MapPost("/articles/{id:guid}/votes", (Guid id, ArticleVoteRequest body, IMediator m, CancellationToken ct) => m.Send(new VoteOnArticle(id, body.Helpful), ct))
            .WithSummary("有用/没用: one vote per person, a second replaces the first → the article's counts").ProducesProblem(StatusCodes.Status404NotFound);
        kb.MapPost("/articles/{id:guid}/corrections", async (Guid id, CorrectionRequest body, IMediator m, CancellationToken ct) =>
            {
                var correction = await m.Send(new ProposeCorrection(id, body.Text), ct);
                return TypedResults.Created($"/api/knowledge/corrections/{correction.Id}", correction);
            })
            .WithSummary("纠错: propose a correction; it reaches the editors' queue").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        kb.MapGet("/corrections", (IMediator m, CorrectionStatus? status, CancellationToken ct) => m.Send(new ListCorrections(status), ct))
            .RequireAuthorization(Policies.KnowledgeEditor).WithSummary("The editors' correction queue, open first");
        kb.MapPost("/corrections/{id:guid}/resolution", (Guid id, ResolveCorrectionRequest body, IMediator m, CancellationToken ct) =>
                m.Send(new ResolveCorrection(id, body.Accept, body.Note), ct))
            .RequireAuthorization(Policies.KnowledgeEditor).WithSummary("Accept or reject a correction").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        kb.MapPost("/import", ImportAsync).RequireAuthorization(Policies.KnowledgeEditor)
            .Accepts<ArticleExchangeLine[]>("application/json", JsonLinesType)
            .WithSummary("导入: JSON Lines (application/x-ndjson) or a JSON array of {externalId, title, body, category, keywords[], audience, validFrom?, validTo?}; published at once; → {created, updated, unchanged, errors:[{line, message}]}")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        kb.MapGet("/export", async (IMediator m, string? format, CancellationToken ct) =>
            {
                var jsonLines = !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase);
                var content = await m.Send(new ExportArticles(jsonLines), ct);
                return TypedResults.Text(content, jsonLines ? JsonLinesType : "application/json", System.Text.Encoding.UTF8);
            })
            .RequireAuthorization(Policies.KnowledgeEditor).WithSummary("导出: the live articles in the import format (format=ndjson, default, or json)");

        var synonyms = kb.MapGroup("/synonyms").RequireAuthorization(Policies.KnowledgeEditor);
        synonyms.MapGet("/", (IMediator m, CancellationToken ct) => m.Send(new ListSynonyms(), ct)).WithSummary("同义词组 searches expand with");
        synonyms.MapPost("/", async (SynonymGroupRequest body, IMediator m, CancellationToken ct) =>
            {
                var group = await m.Send(new CreateSynonymGroup(body.Terms), ct);
                return TypedResults.Created($"/api/knowledge/synonyms/{group.Id}", group);
            })
            .WithSummary("Add a group (2–20 terms); every node's searches use it within the poll interval").ProducesValidationProblem();
        synonyms.MapPut("/{id:guid}", (Guid id, SynonymGroupRequest body, IMediator m, CancellationToken ct) => m.Send(new ChangeSynonymGroup(id, body.Terms, body.Version), ct))
            .WithSummary("Change a group (a stale version is 409)").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        synonyms.MapDelete("/{id:guid}", async (Guid id, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new DeleteSynonymGroup(id), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Remove a group").ProducesProblem(StatusCodes.Status404NotFound);

        kb.MapGet("/gaps", (IMediator m, int? top, CancellationToken ct) => m.Send(new ListGaps(top ?? 100), ct))
            .RequireAuthorization(Policies.KnowledgeManager).WithSummary("知识缺口: searches that found nothing or whose results nobody opened, with counts, most asked first");
        kb.MapGet("/insights", (IMediator m, CancellationToken ct) => m.Send(new GetKnowledgeInsights(), ct))
            .RequireAuthorization(Policies.KnowledgeManager).WithSummary("检索成效: searches, without result, opened and deflected (分流) over Knowledge:GapDays, staff and public form apart");
        kb.MapGet("/review-due", (IMediator m, CancellationToken ct) => m.Send(new ListReviewDue(), ct))
            .RequireAuthorization(Policies.KnowledgeManager).WithSummary("待复核: live articles past their validity or unchanged for Knowledge:ReviewAfter (a year)");

        var pub = app.MapGroup("/api/public/knowledge").WithTags("Citizens").AllowAnonymous().RequireRateLimiting(CitizenRateLimiting.Reads);
        pub.MapGet("/search", (IMediator m, string? q, int? top, CancellationToken ct) => m.Send(new SearchPublicKnowledge(q, top), ct))
            .WithSummary("您的问题可能已有答案: public, published, valid articles only (anonymous, rate-limited; top 1–10, default 5)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status429TooManyRequests);
        pub.MapGet("/articles/{id:guid}", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetPublicArticle(id), ct))
            .WithSummary("A public answer for the citizen (sanitized HTML)").ProducesProblem(StatusCodes.Status404NotFound);
        pub.MapPost("/articles/{id:guid}/views", (Guid id, [FromBody] ArticleViewRequest? body, IMediator m, CancellationToken ct) =>
                m.Send(new RecordArticleView(id, body?.SearchId, true), ct))
            .WithSummary("The citizen opened a suggested answer").ProducesProblem(StatusCodes.Status404NotFound);
        pub.MapPost("/deflections", async (DeflectionRequest body, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new RecordDeflection(body.SearchId ?? Guid.Empty, body.ArticleId), ct);
                return TypedResults.Accepted((string?)null);
            })
            .WithSummary("分流: the citizen left the form without submitting after reading a suggestion (counted on the search)");
        return app;
    }

    /// <summary>An import's body: true for JSON Lines, false for a JSON array, null for any other content type (answer <see cref="UnsupportedImport"/>).</summary>
    public static bool? ImportFormat(HttpRequest request)
    {
        var type = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        return type is JsonLinesType or "application/jsonl" or "application/jsonlines" ? true : type == "application/json" ? false : null;
    }

    public static IResult UnsupportedImport() => TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "不支持的内容类型 (Unsupported media type)",
        detail: "请以 application/x-ndjson（JSON Lines）或 application/json（JSON 数组）提交。");

    private static async Task<IResult> ImportAsync(HttpRequest request, IMediator m, CancellationToken ct)
    {
        if (ImportFormat(request) is not { } jsonLines)
        {
            return UnsupportedImport();
        }

        using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
        var payload = await reader.ReadToEndAsync(ct);
        return TypedResults.Ok(await m.Send(new ImportArticles(payload, jsonLines), ct));
    }
}
