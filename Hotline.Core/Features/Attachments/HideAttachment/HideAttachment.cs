using Hotline.Contracts.Audit;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Audit;
using Hotline.Core.Features.Common;
using MediatR;

namespace Hotline.Core.Features.Attachments.HideAttachment;

/// <summary>屏蔽附件: a supervisor hides a file from everyone but Admins; the audit entry commits with the change.</summary>
public sealed record HideAttachment(Guid TicketId, Guid AttachmentId) : IRequest<TicketAttachmentDto>, IAuditedRequest
{
    public string AuditAction => AuditActions.AttachmentHidden;
    public string? AuditTargetType => "TicketAttachment";
    public string? AuditTargetId => AttachmentId.ToString();
    public Guid? AuditTicketId => TicketId;
}

public sealed class HideAttachmentHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time) : IRequestHandler<HideAttachment, TicketAttachmentDto>
{
    public async Task<TicketAttachmentDto> Handle(HideAttachment request, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor;
        var (attachment, _) = await AttachmentAccess.FindAsync(db, actor, request.TicketId, request.AttachmentId, track: true, cancellationToken);
        attachment.Hide(actor, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return AttachmentAccess.ToDto(attachment);
    }
}
