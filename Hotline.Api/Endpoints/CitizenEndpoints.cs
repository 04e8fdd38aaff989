using FluentValidation;
using FluentValidation.Results;
using Hotline.Api.Attachments;
using Hotline.Api.Auth;
using Hotline.Api.Citizens;
using Hotline.Contracts.Citizens;
using Hotline.Contracts.Privacy;
using Hotline.Core.Features.Attachments;
using Hotline.Core.Features.Citizens.IssueOpen311Key;
using Hotline.Core.Features.Citizens.ListOpen311Keys;
using Hotline.Core.Features.Citizens.RevokeOpen311Key;
using Hotline.Core.Features.Citizens.SubmitPublicRequest;
using Hotline.Core.Features.Citizens.TrackSubmission;
using Hotline.Core.Features.Reference.ListCategories;
using Hotline.Core.Features.Reference.ListRegions;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Hotline.Api.Endpoints;

/// <summary>Citizens without an account: the public form's submissions and tracking; Admin issues Open311 keys.</summary>
public static class CitizenEndpoints
{
    public static IEndpointRouteBuilder MapCitizenEndpoints(this IEndpointRouteBuilder app)
    {
        var submissions = app.MapGroup("/api/public/submissions").WithTags("Citizens").AllowAnonymous();
        submissions.MapPost("/", SubmitAsync).RequireRateLimiting(CitizenRateLimiting.Submissions)
            .WithSummary("网上提交诉求: anonymous; registers a Registered web order and answers its number and tracking code (Idempotency-Key honoured; 429 over the per-IP or per-phone limit)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status429TooManyRequests);
        submissions.MapPost("/with-files", SubmitWithFilesAsync).RequireRateLimiting(CitizenRateLimiting.Submissions).DisableAntiforgery()
            .Accepts<IFormFileCollection>("multipart/form-data")
            .Produces<PublicSubmissionReceipt>(StatusCodes.Status202Accepted)
            .WithSummary("网上提交诉求（附照片/文件）: multipart/form-data, part submission = the JSON body of POST /api/public/submissions, parts file = up to Attachments:MaxFilesPerOrder files checked like agents' uploads (413 oversize, 415 not an allowed type); all or nothing")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status429TooManyRequests);
        submissions.MapGet("/{trackingCode}", (string trackingCode, IMediator m, CancellationToken ct) => m.Send(new TrackSubmission(trackingCode), ct))
            .RequireRateLimiting(CitizenRateLimiting.Reads)
            .WithSummary("查询办理进度: status and public answer by tracking code, no personal data")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);

        app.MapGet("/api/public/catalogue", async (IMediator m, CancellationToken ct) => new PublicCatalogue(await m.Send(new ListCategories(), ct), await m.Send(new ListRegions(), ct)))
            .AllowAnonymous().WithTags("Citizens").RequireRateLimiting(CitizenRateLimiting.Reads)
            .WithSummary("What the public form offers: categories and districts with streets (anonymous)");

        var keys = app.MapGroup("/api/admin/open311-keys").WithTags("Admin").RequireAuthorization(Policies.Admin);
        keys.MapPost("/", async (CreateOpen311KeyRequest body, IMediator m, CancellationToken ct) =>
            {
                var created = await m.Send(new IssueOpen311Key(body), ct);
                return TypedResults.Created($"/api/admin/open311-keys/{created.Id}", created);
            })
            .WithSummary("Issue an Open311 api_key for a client system; the key is in this answer only (stored as a SHA-256 hash)").ProducesValidationProblem();
        keys.MapGet("/", (IMediator m, CancellationToken ct) => m.Send(new ListOpen311Keys(), ct)).WithSummary("Open311 keys (prefix, owner, use), never the keys themselves");
        keys.MapDelete("/{id:guid}", (Guid id, IMediator m, CancellationToken ct) => m.Send(new RevokeOpen311Key(id), ct))
            .WithSummary("Revoke an Open311 key (final; idempotent)").ProducesProblem(StatusCodes.Status404NotFound);

        app.MapPost("/api/admin/citizens/anonymise", (AnonymiseCitizenRequest body, IMediator m, CancellationToken ct) =>
                m.Send(new Hotline.Core.Features.Privacy.AnonymiseCitizen.AnonymiseCitizen(body.Phone, body.Force), ct))
            .WithTags("Admin").RequireAuthorization(Policies.Admin)
            .WithSummary("个人信息删除: remove one citizen's name, phone and address from all their orders and calls (409 with open orders unless force); audited with the phone masked")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    /// <summary>Over the phone's limit the command throws SubmissionThrottledException: 429 with Retry-After (ProblemDetailsExceptionHandler).</summary>
    private static async Task<Accepted<PublicSubmissionReceipt>> SubmitAsync(
        PublicSubmissionRequest body,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        HttpContext http,
        IMediator m,
        CancellationToken ct)
    {
        var result = await m.Send(new SubmitPublicRequest(body, string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim()), ct);
        return Receipt(http, result);
    }

    /// <summary>The files are spooled before the command runs and deleted when the request ends; the stored copies were written before the order's commit.</summary>
    private static async Task<Accepted<PublicSubmissionReceipt>> SubmitWithFilesAsync(
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        HttpContext http,
        IMediator m,
        IAttachmentStore store,
        IOptions<AttachmentOptions> options,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
        CancellationToken ct)
    {
        await using var form = await MultipartForm.ReadAsync(http.Request, options.Value, store.SpoolDirectory, "file", ct);
        var body = SubmissionPart(form, json.Value.SerializerOptions);
        var result = await m.Send(new SubmitPublicRequest(body, string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim(), form.Files), ct);
        return Receipt(http, result);
    }

    private static PublicSubmissionRequest SubmissionPart(MultipartForm form, System.Text.Json.JsonSerializerOptions options)
    {
        if (!form.Fields.TryGetValue("submission", out var parts) || parts.Count != 1 || string.IsNullOrWhiteSpace(parts[0]))
        {
            throw new ValidationException([new ValidationFailure("submission", "请在字段 submission 中发送一份诉求（JSON，与 POST /api/public/submissions 的请求体相同）。")]);
        }

        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<PublicSubmissionRequest>(parts[0]!, options)
                ?? throw new System.Text.Json.JsonException("null");
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new ValidationException([new ValidationFailure("submission", "字段 submission 不是有效的诉求 JSON：" + ex.Message)]);
        }
    }

    private static Accepted<PublicSubmissionReceipt> Receipt(HttpContext http, Hotline.Core.Features.Citizens.CitizenIntakeResult result)
    {
        if (result.Replayed)
        {
            http.Response.Headers["Idempotent-Replayed"] = "true";
        }

        return TypedResults.Accepted($"/api/public/submissions/{result.TrackingCode}", new PublicSubmissionReceipt(result.Number, result.TrackingCode));
    }
}
