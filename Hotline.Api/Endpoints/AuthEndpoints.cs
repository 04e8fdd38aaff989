using Hotline.Api.Auth;
using Hotline.Contracts.Auth;
using Hotline.Core.Features.Users.CreateUser;
using Hotline.Core.Features.Users.ListUsers;
using Hotline.Core.Features.Users.SignIn;
using Hotline.Core.Features.Users.UpdateUser;
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
                    var user = await m.Send(new SignIn(body.UserName, body.Password, http.Connection.RemoteIpAddress?.ToString()), ct);
                    return user is null
                        ? TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "用户名或密码错误 (Invalid credentials)")
                        : TypedResults.Ok(await tokens.IssueAsync(user, ct));
                }
                catch (SignInThrottledException throttled)
                {
                    return SignInProblems.Throttled(http, throttled);
                }
            })
            .AllowAnonymous().WithTags("Auth").WithSummary("Sign in: a bearer token for the API and the hub")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);

        var admin = app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(Policies.Admin);
        admin.MapGet("/users", (IMediator m, CancellationToken ct) => m.Send(new ListUsers(), ct)).WithSummary("Staff accounts with their roles and units");
        admin.MapPost("/users", async (CreateUserRequest body, IMediator m, CancellationToken ct) =>
        {
            var user = await m.Send(new CreateUser(body), ct);
            return TypedResults.Created($"/api/admin/users/{user.Id}", user);
        }).WithSummary("Create a staff account (roles, unit for Department users, initial password)");
        admin.MapPut("/users/{id:guid}", (Guid id, UpdateUserRequest body, IMediator m, CancellationToken ct) => m.Send(new UpdateUser(id, body), ct))
            .WithSummary("Change an account's name, roles, unit, activity or password");
        return app;
    }
}
