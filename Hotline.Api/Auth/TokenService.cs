using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using Hotline.Contracts.Auth;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Users;
using Hotline.Core.Features.Users.Sessions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Hotline.Api.Auth;

/// <summary>
/// Issues access tokens. Tokens follow the wall clock (TimeProvider.System), not the injected business clock,
/// because the JWT handler validates their lifetime against the wall clock.
/// </summary>
public sealed class TokenService(SigningKeyProvider keys, IOptions<JwtOptions> options, UserAccessCache access)
{
    /// <summary>
    /// A token for a user who just signed in or refreshed, stamped with the account as it is now (see
    /// <see cref="UserAccessCache"/>) and bound to the session. A session that may only enrol a second factor gets a
    /// token without roles, which <see cref="EnrolmentOnlyGate"/> confines to <c>/api/account</c>.
    /// </summary>
    public async Task<TokenResponse> IssueAsync(UserInfo user, SessionGrant session, CancellationToken ct)
    {
        access.Forget(user.Id);
        var current = await access.GetAsync(user.Id, ct) ?? throw new InvalidOperationException("The user who signed in no longer exists.");
        var now = TimeProvider.System.GetUtcNow();
        var expires = now + options.Value.TokenLifetime;
        var claims = new List<Claim>
        {
            new(ClaimsActor.UserIdClaim, user.Id.ToString()),
            new(ClaimsActor.NameClaim, user.UserName),
            new("display_name", user.DisplayName),
            new(UserAccessCache.StampClaim, current.Stamp),
            new(UserAccessCache.SessionClaim, session.SessionId.ToString()),
        };
        if (session.EnrolmentOnly)
        {
            claims.Add(new Claim(UserAccessCache.EnrolmentOnlyClaim, "true"));
        }
        else
        {
            claims.AddRange(user.Roles.Select(r => new Claim(ClaimsActor.RoleClaim, r)));
        }

        if (user.UnitId is { } unitId)
        {
            claims.Add(new Claim(ClaimsActor.UnitIdClaim, unitId.ToString()));
        }

        var token = new JwtSecurityToken(
            options.Value.Issuer,
            options.Value.Audience,
            claims,
            now.UtcDateTime,
            expires.UtcDateTime,
            new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256));
        return new TokenResponse(new JwtSecurityTokenHandler().WriteToken(token), expires, user, session.RefreshToken, session.SessionId, session.EnrolmentOnly);
    }

    /// <summary>
    /// A token for a unit's machine client (client credentials grant): the Department role of its unit, stamped with its
    /// secret so a rotation or revocation ends it (see <see cref="UserAccessCache.AdmitsAsync"/>). No session and no
    /// refresh token: the client asks again with its credentials.
    /// </summary>
    public Hotline.Contracts.Auth.ClientTokenResponse IssueClient(Core.Features.Users.UnitClients.UnitClientGrant client)
    {
        var now = TimeProvider.System.GetUtcNow();
        var lifetime = options.Value.ClientTokenLifetime;
        var claims = new List<Claim>
        {
            new(ClaimsActor.UserIdClaim, client.Id.ToString()),
            new(ClaimsActor.NameClaim, client.ClientId),
            new("display_name", client.Name),
            new(ClaimsActor.RoleClaim, Hotline.Contracts.Roles.Department),
            new(ClaimsActor.UnitIdClaim, client.UnitId.ToString()),
            new(UserAccessCache.StampClaim, client.Stamp),
            new(UserAccessCache.ClientClaim, "true"),
        };
        var token = new JwtSecurityToken(
            options.Value.Issuer,
            options.Value.Audience,
            claims,
            now.UtcDateTime,
            (now + lifetime).UtcDateTime,
            new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256));
        return new Hotline.Contracts.Auth.ClientTokenResponse(new JwtSecurityTokenHandler().WriteToken(token), "Bearer", (int)lifetime.TotalSeconds);
    }
}
