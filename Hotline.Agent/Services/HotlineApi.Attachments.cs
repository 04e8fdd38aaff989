using Hotline.Contracts.Tickets;

namespace Hotline.Agent.Services;

/// <summary>Files on an order (docs/attachments.md).</summary>
public sealed partial class HotlineApi
{
    public Task<IReadOnlyList<TicketAttachmentDto>> ListAttachmentsAsync(Guid ticketId) =>
        GetAsync<IReadOnlyList<TicketAttachmentDto>>($"api/tickets/{ticketId}/attachments");

    public Task<TicketAttachmentDto> HideAttachmentAsync(Guid ticketId, Guid attachmentId) =>
        SendAsync<TicketAttachmentDto>(HttpMethod.Post, $"api/tickets/{ticketId}/attachments/{attachmentId}/hide", new { });

    public Task<TicketAttachmentDto> UnhideAttachmentAsync(Guid ticketId, Guid attachmentId) =>
        SendAsync<TicketAttachmentDto>(HttpMethod.Post, $"api/tickets/{ticketId}/attachments/{attachmentId}/unhide", new { });

    /// <summary>打码替换: the regions (fractions of the image) blurred, or the whole image without any.</summary>
    public Task<TicketAttachmentDto> BlurAttachmentAsync(Guid ticketId, Guid attachmentId, IReadOnlyList<BlurRegion>? regions = null) =>
        SendAsync<TicketAttachmentDto>(HttpMethod.Post, $"api/tickets/{ticketId}/attachments/{attachmentId}/blur", new BlurAttachmentRequest(regions));
}
