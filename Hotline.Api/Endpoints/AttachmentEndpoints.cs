using Hotline.Api.Attachments;
using Hotline.Api.Auth;
using Hotline.Contracts.Tickets;
using Hotline.Core.Features.Attachments;
using Hotline.Core.Features.Attachments.DownloadAttachment;
using Hotline.Core.Features.Attachments.HideAttachment;
using Hotline.Core.Features.Attachments.ListAttachments;
using Hotline.Core.Features.Attachments.RedactAttachment;
using Hotline.Core.Features.Attachments.UploadAttachments;
using MediatR;
using Microsoft.Extensions.Options;

namespace Hotline.Api.Endpoints;

/// <summary>Files on an order (docs/attachments.md): upload, list, download through the API with the caller's rights, hide.</summary>
public static class AttachmentEndpoints
{
    public static IEndpointRouteBuilder MapAttachmentEndpoints(this IEndpointRouteBuilder app)
    {
        var files = app.MapGroup("/api/tickets/{id:guid}/attachments").WithTags("Attachments").RequireAuthorization(Policies.AnyStaff)
            .WithMetadata(Idempotency.IdempotentWrites.Enabled);

        files.MapPost("/", UploadAsync).DisableAntiforgery()
            .Accepts<IFormFileCollection>("multipart/form-data")
            .Produces<IReadOnlyList<TicketAttachmentDto>>(StatusCodes.Status201Created)
            .WithSummary("Upload one or more files (multipart/form-data, field file) to an order the caller may see: images (JPEG/PNG/WebP/HEIC, stored re-encoded without EXIF/GPS), PDF, Office, MP3/WAV/AMR/M4A, by their bytes; 413 over Attachments:MaxFileBytes, 415 for any other type, 409 over Attachments:MaxFilesPerOrder; all or nothing");
        files.MapGet("/", (Guid id, IMediator m, CancellationToken ct) => m.Send(new ListAttachments(id), ct))
            .WithSummary("The order's files, oldest first; hidden files only for Admins");
        files.MapGet("/{attachmentId:guid}", async (Guid id, Guid attachmentId, IMediator m, HttpContext http, CancellationToken ct) =>
                Send(http, await m.Send(new DownloadAttachment(id, attachmentId), ct)))
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .WithSummary("Download a file (Content-Disposition: attachment); each download is one audit entry; a hidden file is 404 but for Admins");
        files.MapGet("/{attachmentId:guid}/thumbnail", async (Guid id, Guid attachmentId, IMediator m, HttpContext http, CancellationToken ct) =>
                Send(http, await m.Send(new GetAttachmentThumbnail(id, attachmentId), ct)))
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg")
            .WithSummary("An image's JPEG thumbnail (404 for other files)");
        files.MapPost("/{attachmentId:guid}/hide", (Guid id, Guid attachmentId, IMediator m, CancellationToken ct) => m.Send(new HideAttachment(id, attachmentId), ct))
            .RequireAuthorization(Policies.Redaction)
            .WithSummary("屏蔽: hide a file from everyone but Admins (audited); 409 when already hidden");
        files.MapPost("/{attachmentId:guid}/unhide", (Guid id, Guid attachmentId, IMediator m, CancellationToken ct) => m.Send(new UnhideAttachment(id, attachmentId), ct))
            .RequireAuthorization(Policies.Redaction)
            .WithSummary("取消屏蔽: show a hidden file again (audited); 409 when it is not hidden");
        files.MapPost("/{attachmentId:guid}/blur", (Guid id, Guid attachmentId, BlurAttachmentRequest? body, IMediator m, CancellationToken ct) =>
                m.Send(new BlurAttachment(id, attachmentId, body?.Regions), ct))
            .RequireAuthorization(Policies.Redaction).ProducesValidationProblem()
            .WithSummary("打码替换: replace an image by a copy with the given regions (normalised rectangles x, y, width, height of the upright image; none: the whole image) strongly blurred, download and thumbnail; the original stays for Admins only (audited with the regions); 409 for a file that is not an image or was blurred already");
        files.MapGet("/{attachmentId:guid}/original", async (Guid id, Guid attachmentId, IMediator m, HttpContext http, CancellationToken ct) =>
                Send(http, await m.Send(new DownloadOriginalAttachment(id, attachmentId), ct)))
            .RequireAuthorization(Policies.Admin)
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .WithSummary("The image as uploaded before it was blurred (Admins; each read one audit entry); 404 when the file was not blurred");
        return app;
    }

    private static async Task<IResult> UploadAsync(Guid id, HttpRequest request, IMediator m, IAttachmentStore store, IOptions<AttachmentOptions> options, CancellationToken ct)
    {
        var spooled = await MultipartFiles.SpoolAsync(request, options.Value, store.SpoolDirectory, ct);
        try
        {
            var saved = await m.Send(new UploadAttachments(id, spooled), ct);
            return TypedResults.Created($"/api/tickets/{id}/attachments", saved);
        }
        finally
        {
            await MultipartFiles.DisposeAsync(spooled);
        }
    }

    private static IResult Send(HttpContext http, AttachmentContent file)
    {
        // The browser must not second-guess the type the server found in the bytes.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Stream(file.Content, file.ContentType, file.FileName);
    }
}
