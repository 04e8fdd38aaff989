using Hotline.Core.Data;
using MediatR;

namespace Hotline.Core.Features.Citizens.AuthenticateOpen311Client;

/// <summary>
/// Checks an Open311 <c>api_key</c> (403 when missing, unknown or revoked) and answers its client's id. The create
/// endpoint sends it before <see cref="CreateOpen311Request.CreateOpen311Request"/>, whose fields are validated in the
/// pipeline before its handler runs: so a bad key is answered 403 before any field error, as the spec's example does.
/// </summary>
public sealed record AuthenticateOpen311Client(string? ApiKey) : IRequest<Guid>;

public sealed class AuthenticateOpen311ClientHandler(HotlineDbContext db) : IRequestHandler<AuthenticateOpen311Client, Guid>
{
    public async Task<Guid> Handle(AuthenticateOpen311Client request, CancellationToken cancellationToken) =>
        (await Open311Authentication.ClientAsync(db, request.ApiKey, cancellationToken)).Id;
}
