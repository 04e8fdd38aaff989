using Hotline.Core.Data;
using Hotline.Core.Features.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Exchange;

/// <summary>A request from a peer, authenticated: the active peer the <c>Hotline-Peer</c> key names, whose secret signs the body.</summary>
public sealed record AuthenticatedPeer(Guid Id, string Name, string Kind);

/// <summary>
/// Checks a peer's request: <c>Hotline-Peer: &lt;key&gt;</c> names an active peer and <c>Hotline-Signature</c> is
/// <see cref="WebhookSignature"/> over the exact body with that peer's secret, timestamped within
/// <see cref="ExchangeOptions.SignatureTolerance"/>. Null when any of it fails: the caller answers 401 without saying which.
/// </summary>
public sealed class PeerAuthenticator(HotlineDbContext db, TimeProvider time, IOptions<ExchangeOptions> options)
{
    public async Task<AuthenticatedPeer?> AuthenticateAsync(string? key, string? signature, byte[] body, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > PeerPlatform.MaxKeyLength || string.IsNullOrWhiteSpace(signature))
        {
            return null;
        }

        var peer = await db.PeerPlatforms.AsNoTracking().Where(p => p.Key == key && p.Active)
            .Select(p => new { p.Id, p.Name, p.Kind, p.Secret })
            .FirstOrDefaultAsync(ct);
        return peer is not null && WebhookSignature.Verify(peer.Secret, signature, body, time.GetUtcNow(), options.Value.SignatureTolerance)
            ? new AuthenticatedPeer(peer.Id, peer.Name, peer.Kind)
            : null;
    }
}
