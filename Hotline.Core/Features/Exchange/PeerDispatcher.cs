using System.Text.Json;
using Hotline.Contracts.Exchange;
using Hotline.Core.Data;
using Hotline.Core.Features.Webhooks;
using Hotline.Core.Features.Exchange.ReceivePeerStatus;
using Hotline.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Exchange;

/// <summary>
/// Sends due exchange messages to their peers, as <see cref="WebhookDispatcher"/> sends webhook events: a row is due
/// when its attempt has come, its peer is active, no live lease holds it and no earlier message of the same order to
/// the same peer is pending; it is leased by one conditional UPDATE just before sending, on the webhooks' schedule
/// (<see cref="WebhookOptions"/>) and through their guarded HTTP client. A transfer's answer carries the peer's order
/// number, recorded on the transferred order before the row counts as delivered: a crash in between sends the
/// transfer again, and the peer answers the same number.
/// </summary>
public sealed partial class PeerDispatcher(
    IServiceScopeFactory scopes,
    IHttpClientFactory httpClients,
    TimeProvider time,
    IOptions<WebhookOptions> options,
    ILogger<PeerDispatcher> logger)
{
    public const string PeerHeader = "Hotline-Peer";
    public const string ContentType = "application/json";

    private sealed record Claimed(Guid Id, Guid PeerId, string PeerName, string BaseUrl, string Key, string Secret, string Type, Guid TicketId, string Path, DateTimeOffset RetryFrom, int Attempts, string Body);

    /// <summary>Sends one batch of due messages; answers how many were attempted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var settings = options.Value;
        return await OutboxBatch.SendAsync(await DueAsync(settings, ct), settings, (row, lease, token) => TryLeaseAsync(row.Id, lease, settings, token),
            (row, lease, token) => SendAsync(row, lease, settings, token), ct);
    }

    /// <summary>Removes delivered messages older than the webhooks' retention.</summary>
    public async Task<int> PurgeDeliveredAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var before = time.GetUtcNow() - options.Value.DeliveredRetention;
        return await db.PeerMessages.Where(m => m.Status == WebhookDeliveryStatus.Delivered && m.DeliveredAt < before).ExecuteDeleteAsync(ct);
    }

    private async Task<List<Claimed>> DueAsync(WebhookOptions settings, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var now = time.GetUtcNow();
        return await (
                from m in db.PeerMessages.Due(now)
                join p in db.PeerPlatforms on m.PeerId equals p.Id
                where p.Active
                    && !db.PeerMessages.Any(e => e.PeerId == m.PeerId && e.TicketId == m.TicketId && e.Status == WebhookDeliveryStatus.Pending && e.Sequence < m.Sequence)
                orderby m.CreatedAt
                select new Claimed(m.Id, p.Id, p.Name, p.BaseUrl, p.Key, p.Secret, m.Type, m.TicketId, m.Path, m.RetryFrom, m.Attempts, m.Body))
            .AsNoTracking()
            .Take(settings.BatchSize)
            .ToListAsync(ct);
    }

    private async Task<bool> TryLeaseAsync(Guid id, Guid lease, WebhookOptions settings, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HotlineDbContext>().PeerMessages.TryLeaseAsync(id, lease, time.GetUtcNow(), settings, ct);
    }

    private async Task SendAsync(Claimed row, Guid lease, WebhookOptions settings, CancellationToken ct)
    {
        var attemptAt = time.GetUtcNow();
        var outcome = await SignedPost.SendAsync(
            httpClients.CreateClient(WebhookDispatcher.HttpClientName), new Uri(new Uri(row.BaseUrl), row.Path), System.Text.Encoding.UTF8.GetBytes(row.Body), ContentType,
            row.Secret, attemptAt, row.Attempts + 1, settings.Timeout, new Dictionary<string, string> { [PeerHeader] = row.Key }, readAnswer: row.Type == PeerMessageTypes.Transfer, ct);
        if (outcome is null)
        {
            return;
        }

        var error = outcome.Error;
        if (error is null && row.Type == PeerMessageTypes.Transfer)
        {
            error = await RecordAcknowledgementAsync(row, outcome.Answer);
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        if (error is null)
        {
            await db.PeerMessages.MarkDeliveredAsync(row.Id, lease, attemptAt, outcome.Status, time.GetUtcNow());
            return;
        }

        error = SignedPost.Clip(error, PeerMessage.MaxErrorLength);
        var dead = await db.PeerMessages.MarkFailedAsync(row.Id, lease, row.Attempts, row.RetryFrom, attemptAt, outcome.Status, error, time.GetUtcNow(), settings);
        LogFailed(row.Id, row.Type, row.PeerName, row.Attempts + 1, error, dead);
    }

    /// <summary>The peer's order number onto the transferred order; an error (kept on the row, retried) when the answer has none.</summary>
    private async Task<string?> RecordAcknowledgementAsync(Claimed row, byte[] answer)
    {
        PeerTransferAck? ack;
        try
        {
            ack = JsonSerializer.Deserialize<PeerTransferAck>(answer, WebhookOutbox.Json);
        }
        catch (JsonException)
        {
            ack = null;
        }

        if (ack is null || string.IsNullOrWhiteSpace(ack.Reference) || ack.Reference.Length > Domain.Tickets.Ticket.MaxPeerReferenceLength)
        {
            return "The peer accepted the transfer without its order number (reference) in the answer.";
        }

        await using var scope = scopes.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new AcknowledgeTransfer(row.TicketId, ack.Reference.Trim(), ack.Status), CancellationToken.None);
            return null;
        }
        catch (DomainException e)
        {
            return e.Message;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Peer message {MessageId} ({Type}) to {Peer} failed (attempt {Attempt}): {Error}; dead letter: {Dead}")]
    private partial void LogFailed(Guid messageId, string type, string peer, int attempt, string error, bool dead);
}
