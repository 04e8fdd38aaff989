using Hotline.Api.Auth;
using Hotline.Contracts.Auth;
using Hotline.Core.Features.Common;
using Hotline.Domain.Common;
using Hotline.Core.Features.Users.ChangePassword;
using Hotline.Core.Features.Users.CreateUser;
using Hotline.Core.Features.Users.ListUsers;
using Hotline.Core.Features.Users.Sessions.EndSession;
using Hotline.Core.Features.Users.Sessions.ListSessions;
using Hotline.Core.Features.Users.Sessions.RefreshSession;
using Hotline.Core.Features.Users.SignIn;
using Hotline.Core.Features.Users.TwoFactor.ConfirmTwoFactor;
using Hotline.Core.Features.Users.TwoFactor.EnrolTwoFactor;
using Hotline.Core.Features.Users.TwoFactor.GetTwoFactorStatus;
using Hotline.Core.Features.Users.TwoFactor.ResetTwoFactor;
using Hotline.Core.Features.Users.UpdateUser;
using Hotline.Core.Features.Users.UnitClients;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hotline.Api.Endpoints;

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/token", async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> (TokenRequest body, HttpContext http, IMediator m, TokenService tokens, CancellationToken ct) =>
            {
                try
                {
                    var result = await m.Send(new SignIn(body.UserName, body.Password, http.Connection.RemoteIpAddress?.ToString(), body.Code, http.Request.Headers.UserAgent.ToString()), ct);
                    return result is { Outcome: SignInOutcome.SignedIn, User: { } user, Session: { } session }
                        ? TypedResults.Ok(await tokens.IssueAsync(user, session, ct))
                        : SignInProblems.Refused(result.Outcome);
                }
                catch (SignInThrottledException throttled)
                {
                    return SignInProblems.Throttled(http, throttled);
                }
            })
            .AllowAnonymous().WithTags("Auth")
            .WithSummary("Sign in: a bearer token for the API and the hub, and a refresh token (send `code` too when the account has a second factor)")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);

        app.MapPost("/api/auth/refresh", async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> (RefreshRequest body, IMediator m, TokenService tokens, CancellationToken ct) =>
                await m.Send(new RefreshSession(body.RefreshToken), ct) is { User: { } user, Session: { } session }
                    ? TypedResults.Ok(await tokens.IssueAsync(user, session, ct))
                    : SignInProblems.SessionEnded())
            .AllowAnonymous().WithTags("Auth").WithSummary("A new access token and refresh token for a session that has not ended")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        app.MapPost("/api/auth/client-token", ClientCredentials.TokenAsync)
            .AllowAnonymous().DisableAntiforgery().WithTags("Auth").RequireRateLimiting(Citizens.CitizenRateLimiting.Reads)
            .AddOpenApiOperationTransformer(ClientCredentials.DescribeFormBody)
            .WithSummary("单位系统对接: OAuth 2.0 client credentials (grant_type=client_credentials; client_id and client_secret as HTTP Basic or form fields) → a Department bearer token of the credential's unit, valid Auth:ClientTokenLifetime (1 h)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);

        // Any signed-in account, including a session that may only enrol (EnrolmentOnlyGate lets /api/account through).
        var account = app.MapGroup("/api/account").WithTags("Account").RequireAuthorization();
        account.MapGet("/2fa", (IMediator m, CancellationToken ct) => m.Send(new GetTwoFactorStatus(), ct)).WithSummary("The account's second factor: enabled, required, recovery codes left");
        account.MapPost("/2fa/enrol", (IMediator m, CancellationToken ct) => m.Send(new EnrolTwoFactor(), ct))
            .WithSummary("Start binding an authenticator app: the secret, its otpauth:// URI and a QR code (SVG)");
        account.MapPost("/2fa/confirm", (TwoFactorConfirmRequest body, ICurrentUser me, IMediator m, CancellationToken ct) => m.Send(new ConfirmTwoFactor(SignedIn(me), body.Code), ct))
            .WithSummary("Turn the second factor on with a code from the app; answers the one-time recovery codes (shown once)");
        account.MapPost("/password", async (ChangePasswordRequest body, ICurrentUser me, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new ChangePassword(SignedIn(me), body), ct);
            return TypedResults.NoContent();
        }).WithSummary("Change one's own password (the current one, and a new one under the password rules); sign in again after");

        var admin = app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(Policies.Admin);
        admin.MapGet("/users", (IMediator m, CancellationToken ct) => m.Send(new ListUsers(), ct)).WithSummary("Staff accounts with their roles and units");
        admin.MapPost("/users", async (CreateUserRequest body, IMediator m, CancellationToken ct) =>
        {
            var user = await m.Send(new CreateUser(body), ct);
            return TypedResults.Created($"/api/admin/users/{user.Id}", user);
        }).WithSummary("Create a staff account (roles, unit for Department users, initial password under the password rules)");
        admin.MapPut("/users/{id:guid}", (Guid id, UpdateUserRequest body, IMediator m, CancellationToken ct) => m.Send(new UpdateUser(id, body), ct))
            .WithSummary("Change an account's name, roles, unit, activity or password");
        admin.MapDelete("/users/{id:guid}/2fa", async (Guid id, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new ResetTwoFactor(id), ct);
            return TypedResults.NoContent();
        }).WithSummary("Remove an account's second factor and recovery codes (a lost phone): it enrols again");
        admin.MapGet("/users/{id:guid}/sessions", (Guid id, IMediator m, CancellationToken ct) => m.Send(new ListSessions(id), ct))
            .WithSummary("An account's sign-in sessions that have not ended or expired");
        admin.MapDelete("/users/{id:guid}/sessions/{sessionId:guid}", async (Guid id, Guid sessionId, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new EndSession(id, sessionId), ct);
            return TypedResults.NoContent();
        }).WithSummary("End a session: its refresh token stops at once, its access tokens within 30 seconds");

        admin.MapGet("/unit-clients", (IMediator m, CancellationToken ct) => m.Send(new ListUnitClients(), ct))
            .WithSummary("Units' own systems with machine credentials (client id, secret hint, last use; never the secret)");
        admin.MapPost("/unit-clients", async (CreateUnitClientRequest body, IMediator m, CancellationToken ct) =>
        {
            var client = await m.Send(new IssueUnitClient(body), ct);
            return TypedResults.Created($"/api/admin/unit-clients/{client.Id}", client);
        }).WithSummary("Issue a unit's system a client id and secret (the secret is answered this once; only its hash is kept)");
        admin.MapGet("/unit-clients/{id:guid}", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetUnitClient(id), ct))
            .WithSummary("One machine credential");
        admin.MapPost("/unit-clients/{id:guid}/secret", (Guid id, IMediator m, CancellationToken ct) => m.Send(new RotateUnitClientSecret(id), ct))
            .WithSummary("Rotate the secret: the new one is answered once; tokens issued with the old one stop within 30 seconds; 409 when revoked");
        admin.MapDelete("/unit-clients/{id:guid}", async (Guid id, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new RevokeUnitClient(id), ct);
            return TypedResults.NoContent();
        }).WithSummary("Revoke a credential (final): no new token; tokens already issued stop within 30 seconds");
        return app;
    }

    private static Guid SignedIn(ICurrentUser me) => me.Actor.UserId ?? throw new ActorNotPermittedException("请先登录。");
}
