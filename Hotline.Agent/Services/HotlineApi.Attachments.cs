using System.Net.Http.Headers;
using System.Net.Http.Json;
using Hotline.Contracts.Tickets;

namespace Hotline.Agent.Services;

/// <summary>Files on an order (docs/attachments.md).</summary>
public sealed partial class HotlineApi
{
    public Task<IReadOnlyList<TicketAttachmentDto>> ListAttachmentsAsync(Guid ticketId) =>
        GetAsync<IReadOnlyList<TicketAttachmentDto>>($"api/tickets/{ticketId}/attachments");

    /// <summary>Sends the files as one multipart request (all or nothing on the server); the streams are read as they go out.</summary>
    public async Task<IReadOnlyList<TicketAttachmentDto>> UploadAttachmentsAsync(Guid ticketId, IEnumerable<(string Name, string ContentType, Stream Content)> files)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, contentType, content) in files)
        {
            var part = new StreamContent(content);
            part.Headers.ContentType = MediaTypeHeaderValue.TryParse(contentType, out var type) ? type : new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "file", name);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/tickets/{ticketId}/attachments") { Content = form };
        using var response = await SendCheckedAsync(request);
        return (await response.Content.ReadFromJsonAsync<IReadOnlyList<TicketAttachmentDto>>(Json))!;
    }

    public Task<TicketAttachmentDto> HideAttachmentAsync(Guid ticketId, Guid attachmentId) =>
        SendAsync<TicketAttachmentDto>(HttpMethod.Post, $"api/tickets/{ticketId}/attachments/{attachmentId}/hide", new { });

    public Task<TicketAttachmentDto> UnhideAttachmentAsync(Guid ticketId, Guid attachmentId) =>
        SendAsync<TicketAttachmentDto>(HttpMethod.Post, $"api/tickets/{ticketId}/attachments/{attachmentId}/unhide", new { });

    /// <summary>打码替换: the regions (fractions of the image) blurred, or the whole image without any.</summary>
    public Task<TicketAttachmentDto> BlurAttachmentAsync(Guid ticketId, Guid attachmentId, IReadOnlyList<BlurRegion>? regions = null) =>
        SendAsync<TicketAttachmentDto>(HttpMethod.Post, $"api/tickets/{ticketId}/attachments/{attachmentId}/blur", new BlurAttachmentRequest(regions));
}
