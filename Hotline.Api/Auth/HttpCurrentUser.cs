using Hotline.Domain.Common;
using Hotline.Core.Features.Common;

namespace Hotline.Api.Auth;

/// <summary>The signed-in user of the current request, from the token's claims; the system outside a request (jobs).</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private Actor? _actor;

    public Actor Actor => _actor ??= accessor.HttpContext is { } http ? ClaimsActor.From(http.User) : Actor.System("system");

    public string? Address => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
