using FluentValidation;
using Hotline.Contracts.Audit;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Attachments.DownloadAttachment;
using Hotline.Core.Features.Audit;
using Hotline.Core.Features.Common;
using Hotline.Domain.Common;
using MediatR;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Attachments.RedactAttachment;

/// <summary>
/// 打码替换: a supervisor replaces an image by a copy with chosen rectangles (or the whole image) blurred. Everyone who may see the order gets the blurred copy
/// from now on (download and thumbnail); the original stays in the store for Admins only (<see cref="DownloadOriginalAttachment"/>).
/// The blurred blobs are written before the row that refers to them is committed, as uploads are.
/// </summary>
public sealed record BlurAttachment(Guid TicketId, Guid AttachmentId, IReadOnlyList<BlurRegion>? Regions = null) : IRequest<TicketAttachmentDto>, IAuditedRequest
{
    public const int MaxRegions = 50;

    public string AuditAction => AuditActions.AttachmentBlurred;

    /// <summary>Which parts were blurred, so the trail shows what the supervisor covered (in fractions of the image).</summary>
    public string? AuditSummary => Regions is not { Count: > 0 } regions
        ? "整图打码替换"
        : $"局部打码替换 {regions.Count} 处：" + string.Join("；", regions.Where(r => r is not null).Select(r => string.Create(
            System.Globalization.CultureInfo.InvariantCulture, $"({r.X:0.###}, {r.Y:0.###}, {r.Width:0.###}×{r.Height:0.###})")));
    public string? AuditTargetType => "TicketAttachment";
    public string? AuditTargetId => AttachmentId.ToString();
    public Guid? AuditTicketId => TicketId;
}

/// <summary>Each region inside the image and not empty; at most <see cref="BlurAttachment.MaxRegions"/>.</summary>
public sealed class BlurAttachmentValidator : AbstractValidator<BlurAttachment>
{
    private const double Slack = 1e-9;

    public BlurAttachmentValidator()
    {
        RuleFor(x => x.Regions).Must(r => r is null || r.Count <= BlurAttachment.MaxRegions)
            .OverridePropertyName("regions").WithMessage($"最多 {BlurAttachment.MaxRegions} 个打码区域。");
        RuleForEach(x => x.Regions).NotNull().OverridePropertyName("regions").WithMessage("打码区域不能为空。");
        RuleForEach(x => x.Regions).Where(r => r is not null)
            .ChildRules(region =>
            {
                region.RuleFor(r => r.X).InclusiveBetween(0, 1).WithMessage("区域左边 x 须在 0 到 1 之间（占图片宽度的比例）。");
                region.RuleFor(r => r.Y).InclusiveBetween(0, 1).WithMessage("区域上边 y 须在 0 到 1 之间（占图片高度的比例）。");
                region.RuleFor(r => r.Width).GreaterThan(0).LessThanOrEqualTo(1).WithMessage("区域宽度须大于 0、不超过 1。");
                region.RuleFor(r => r.Height).GreaterThan(0).LessThanOrEqualTo(1).WithMessage("区域高度须大于 0、不超过 1。");
                region.RuleFor(r => r).Must(r => r.X + r.Width <= 1 + Slack && r.Y + r.Height <= 1 + Slack)
                    .OverridePropertyName("width").WithMessage("区域超出了图片范围（x + width ≤ 1，y + height ≤ 1）。");
            });
    }
}

public sealed class BlurAttachmentHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time, IAttachmentStore store, IOptions<AttachmentOptions> options)
    : IRequestHandler<BlurAttachment, TicketAttachmentDto>
{
    public async Task<TicketAttachmentDto> Handle(BlurAttachment request, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor;
        var (attachment, _) = await AttachmentAccess.FindAsync(db, actor, request.TicketId, request.AttachmentId, track: true, cancellationToken);
        attachment.EnsureCanBeBlurred();
        var type = StoredType(attachment.ContentType)
            ?? throw new DomainException("该图片格式无法打码替换；请使用屏蔽。");

        await using var original = await store.OpenReadAsync(attachment.BlobKey, cancellationToken) ?? throw new NotFoundException("附件内容", attachment.Id);
        await using var spooled = await SpooledFile.WriteAsync(original, attachment.FileName, store.SpoolDirectory, long.MaxValue, cancellationToken);
        await using var blurred = await ImageSanitizer.BlurAsync(spooled, type, store.SpoolDirectory, options.Value.ThumbnailSize, cancellationToken, request.Regions);
        await store.PutAsync(blurred.Image, cancellationToken);
        await store.PutAsync(blurred.Thumbnail, cancellationToken);
        attachment.ReplaceByBlurred(blurred.Image.Sha256, blurred.Thumbnail.Sha256, blurred.Image.Length, actor, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return AttachmentAccess.ToDto(attachment);
    }

    private static SniffedType? StoredType(string contentType) => contentType switch
    {
        "image/jpeg" => FileSniffer.Jpeg,
        "image/png" => FileSniffer.Png,
        "image/webp" => FileSniffer.WebP,
        _ => null,
    };
}

/// <summary>取消屏蔽: a supervisor shows a hidden file again (a hide by mistake, or the reason is gone).</summary>
public sealed record UnhideAttachment(Guid TicketId, Guid AttachmentId) : IRequest<TicketAttachmentDto>, IAuditedRequest
{
    public string AuditAction => AuditActions.AttachmentUnhidden;
    public string? AuditTargetType => "TicketAttachment";
    public string? AuditTargetId => AttachmentId.ToString();
    public Guid? AuditTicketId => TicketId;
}

public sealed class UnhideAttachmentHandler(HotlineDbContext db, ICurrentUser currentUser) : IRequestHandler<UnhideAttachment, TicketAttachmentDto>
{
    public async Task<TicketAttachmentDto> Handle(UnhideAttachment request, CancellationToken cancellationToken)
    {
        // A supervisor does not see hidden files in lists, but may lift a hide: look the file up as an Admin would.
        var actor = currentUser.Actor;
        var seeing = actor with { Roles = [.. actor.Roles, Contracts.Roles.Admin] };
        var (attachment, _) = await AttachmentAccess.FindAsync(db, seeing, request.TicketId, request.AttachmentId, track: true, cancellationToken);
        attachment.Unhide();
        await db.SaveChangesAsync(cancellationToken);
        return AttachmentAccess.ToDto(attachment);
    }
}

/// <summary>The image as uploaded, before it was blurred: Admins only (404 for everyone else), each read audited.</summary>
public sealed record DownloadOriginalAttachment(Guid TicketId, Guid AttachmentId) : IRequest<AttachmentContent>;

public sealed class DownloadOriginalAttachmentHandler(HotlineDbContext db, ICurrentUser currentUser, IAttachmentStore store, AuditLog audit)
    : IRequestHandler<DownloadOriginalAttachment, AttachmentContent>
{
    public async Task<AttachmentContent> Handle(DownloadOriginalAttachment request, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor;
        var (attachment, number) = await AttachmentAccess.FindAsync(db, actor, request.TicketId, request.AttachmentId, track: false, cancellationToken);
        if (!AttachmentAccess.SeesHidden(actor) || attachment.OriginalBlobKey is not { } key)
        {
            throw new NotFoundException("原图", request.AttachmentId);
        }

        var content = await store.OpenReadAsync(key, cancellationToken) ?? throw new NotFoundException("原图内容", attachment.Id);
        try
        {
            audit.Add(AuditActions.AttachmentOriginalDownloaded, $"查看工单 {number} 附件 {attachment.FileName} 的打码前原图", "TicketAttachment", attachment.Id.ToString(), attachment.TicketId);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            await content.DisposeAsync();
            throw;
        }

        return new AttachmentContent(content, attachment.ContentType, attachment.FileName);
    }
}
