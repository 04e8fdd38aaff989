using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Core.Features.Users;

/// <summary>
/// Ends the access of an account whose state changed after its token was issued: deactivated, given other roles
/// or another unit, or a new password. Each request's token is compared with the account as it is now, read at
/// most every <see cref="Lifetime"/> per account and node (the node that made the change forgets at once), so
/// a token stops working within that time on every node instead of living out its 12 hours. The password
/// enters as a stamp derived from its hash, never the hash itself.
/// </summary>
public sealed class UserAccessCache(IServiceScopeFactory scopes)
{
    public const string StampClaim = "stamp";

    /// <summary>The session (<see cref="Sessions.UserSession"/>) a token belongs to; a token without one is refused.</summary>
    public const string SessionClaim = "sid";

    /// <summary>"true" on the tokens of a session that may only enrol a required second factor (they carry no roles).</summary>
    public const string EnrolmentOnlyClaim = "enrol_only";
    /// <summary>"true" on the tokens of a unit's machine client (<see cref="UnitClients"/>): no session, checked against the credential.</summary>
    public const string ClientClaim = "client";

    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<Guid, (UserAccess? Access, long ReadAt)> _entries = new();
    private readonly ConcurrentDictionary<Guid, (bool Live, long ReadAt)> _sessions = new();
    private readonly ConcurrentDictionary<Guid, ((Guid UnitId, string Stamp)? Access, long ReadAt)> _clients = new();

    public static string StampOf(string passwordHash) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("hotline-token-stamp:" + passwordHash)))[..16];

    /// <summary>The account as it is now (at most <see cref="Lifetime"/> old); null when it does not exist.</summary>
    public async ValueTask<UserAccess?> GetAsync(Guid userId, CancellationToken ct)
    {
        if (_entries.TryGetValue(userId, out var entry) && TimeProvider.System.GetElapsedTime(entry.ReadAt) < Lifetime)
        {
            return entry.Access;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.IsActive, u.Roles, u.UnitId, u.PasswordHash })
            .FirstOrDefaultAsync(ct);
        var access = user is null ? null : new UserAccess(user.IsActive, user.Roles, user.UnitId, StampOf(user.PasswordHash));
        _entries[userId] = (access, TimeProvider.System.GetTimestamp());
        return access;
    }

    /// <summary>The stamp of a machine client's secret on its tokens: a rotation changes it.</summary>
    public static string ClientStampOf(string secretHash) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("hotline-client-stamp:" + secretHash)))[..16];

    /// <summary>Forgets a machine client after it was rotated or revoked on this node.</summary>
    public void ForgetClient(Guid clientId) => _clients.TryRemove(clientId, out _);

    /// <summary>A machine client's unit and secret stamp as they are now (at most <see cref="Lifetime"/> old); null when revoked or gone.</summary>
    private async ValueTask<(Guid UnitId, string Stamp)?> GetClientAsync(Guid clientId, CancellationToken ct)
    {
        if (_clients.TryGetValue(clientId, out var entry) && TimeProvider.System.GetElapsedTime(entry.ReadAt) < Lifetime)
        {
            return entry.Access;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var client = await db.UnitClients.AsNoTracking()
            .Where(c => c.Id == clientId && c.RevokedAt == null)
            .Select(c => new { c.UnitId, c.SecretHash })
            .FirstOrDefaultAsync(ct);
        (Guid, string)? access = client is null ? null : (client.UnitId, ClientStampOf(client.SecretHash));
        _clients[clientId] = (access, TimeProvider.System.GetTimestamp());
        return access;
    }

    /// <summary>Forgets an account after a change made on this node.</summary>
    public void Forget(Guid userId) => _entries.TryRemove(userId, out _);

    /// <summary>Records a session just started on this node as live (a token is issued only once its row is saved).</summary>
    public void RememberSession(Guid sessionId) => _sessions[sessionId] = (true, TimeProvider.System.GetTimestamp());

    /// <summary>Forgets a session after it was ended on this node.</summary>
    public void ForgetSession(Guid sessionId) => _sessions.TryRemove(sessionId, out _);

    /// <summary>True while the session of <paramref name="userId"/> has not been ended (at most <see cref="Lifetime"/> old).</summary>
    private async ValueTask<bool> SessionLiveAsync(Guid sessionId, Guid userId, CancellationToken ct)
    {
        if (_sessions.TryGetValue(sessionId, out var entry) && TimeProvider.System.GetElapsedTime(entry.ReadAt) < Lifetime)
        {
            return entry.Live;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var live = await db.Set<Sessions.UserSession>().AsNoTracking().AnyAsync(s => s.Id == sessionId && s.UserId == userId && s.EndedAt == null, ct);
        _sessions[sessionId] = (live, TimeProvider.System.GetTimestamp());
        return live;
    }

    /// <summary>
    /// A machine client's token: the credential is not revoked, has the same secret and unit, and the token carries only
    /// the Department role. A user's token: true when the token's session has not been ended and its account is active and still has the roles, unit and
    /// password the token was issued with.
    /// </summary>
    public async ValueTask<bool> AdmitsAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        if (principal.FindFirstValue(ClientClaim) == "true")
        {
            return Guid.TryParse(principal.FindFirstValue(ClaimsActor.UserIdClaim), out var clientId)
                && await GetClientAsync(clientId, ct) is { } client
                && principal.FindFirstValue(StampClaim) == client.Stamp
                && principal.FindFirstValue(ClaimsActor.UnitIdClaim) == client.UnitId.ToString()
                && principal.FindAll(ClaimsActor.RoleClaim).Select(c => c.Value).SequenceEqual([Contracts.Roles.Department]);
        }

        if (!Guid.TryParse(principal.FindFirstValue(ClaimsActor.UserIdClaim), out var userId) || await GetAsync(userId, ct) is not { IsActive: true } access)
        {
            return false;
        }

        if (!Guid.TryParse(principal.FindFirstValue(SessionClaim), out var sessionId) || !await SessionLiveAsync(sessionId, userId, ct))
        {
            return false;
        }

        var unit = principal.FindFirstValue(ClaimsActor.UnitIdClaim);
        var roles = principal.FindAll(ClaimsActor.RoleClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var enrolmentOnly = principal.FindFirstValue(EnrolmentOnlyClaim) == "true";
        return principal.FindFirstValue(StampClaim) == access.Stamp
            && (enrolmentOnly ? roles.Count == 0 : roles.SetEquals(access.Roles))
            && unit == access.UnitId?.ToString();
    }
}
