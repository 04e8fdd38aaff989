using Hotline.Core.Data;
using Hotline.Domain.Citizens;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Citizens;

/// <summary>Finds the active client of an <c>api_key</c>; a missing, unknown or revoked key is <see cref="InvalidApiKeyException"/> (403).</summary>
internal static class Open311Authentication
{
    public static async Task<Open311Client> ClientAsync(HotlineDbContext db, string? apiKey, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(apiKey) || apiKey.Length > 200)
        {
            throw new InvalidApiKeyException();
        }

        var hash = Open311Client.Hash(apiKey.Trim());
        var client = await db.Open311Clients.FirstOrDefaultAsync(c => c.KeyHash == hash, ct);
        return client is { IsActive: true } ? client : throw new InvalidApiKeyException();
    }
}
