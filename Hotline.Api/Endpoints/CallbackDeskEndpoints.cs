using Hotline.Api.Auth;
using Hotline.Contracts;
using Hotline.Contracts.Callbacks;
using Hotline.Core.Features.Callbacks.CallbackDesk;
using MediatR;

namespace Hotline.Api.Endpoints;

/// <summary>The callback desk (回访): its reference data and scripts, the automated surveys under way, retries, 不满意原因 counts, 拨打.</summary>
public static class CallbackDeskEndpoints
{
    public static IEndpointRouteBuilder MapCallbackDeskEndpoints(this IEndpointRouteBuilder app)
    {
        var callbacks = app.MapGroup("/api/callbacks").WithTags("Callbacks");
        callbacks.MapGet("/desk", (IMediator m, CancellationToken ct) => m.Send(new GetCallbackDesk(), ct))
            .RequireAuthorization(Policies.CallbackDesk)
            .WithSummary("The callback desk: canDial (a telephone line is configured), maxAttempts (unreached calls before 联系不上), the 不满意原因 and the 回访话术 per order type");
        callbacks.MapPut("/scripts/{type}", (TicketType type, SaveCallbackScriptRequest body, IMediator m, CancellationToken ct) =>
                m.Send(new SaveCallbackScript(type, body.Body), ct))
            .RequireAuthorization(Policies.CallbackManager)
            .WithSummary("Rewrite the 回访话术 of an order type (supervisors, administrators)")
            .ProducesValidationProblem();
        callbacks.MapGet("/surveys", (IMediator m, CancellationToken ct) => m.Send(new ListSurveysInProgress(), ct))
            .RequireAuthorization(Policies.CallbackDesk)
            .WithSummary("The automated surveys under way (to send, SMS awaiting the answer, keypad call placed): channel, last sent, attempts, next step; the soonest next step first");
        callbacks.MapGet("/retries", (IMediator m, CancellationToken ct) => m.Send(new ListCallbackRetries(), ct))
            .RequireAuthorization(Policies.CallbackDesk)
            .WithSummary("Replied orders whose citizen was not reached, out of the queue until their retry time, the soonest first");
        callbacks.MapGet("/dissatisfaction", (DateOnly? from, DateOnly? to, IMediator m, CancellationToken ct) => m.Send(new CountDissatisfaction(from, to), ct))
            .RequireAuthorization(Policies.CallbackDesk)
            .WithSummary("Orders whose current callback is 不满意, by 不满意原因 and lead unit, over China dates of the callback (default the last 30 days)")
            .ProducesValidationProblem();

        app.MapPost("/api/tickets/{id:guid}/callback-dial", (Guid id, IMediator m, CancellationToken ct) => m.Send(new DialCitizenForCallback(id), ct))
            .WithTags("Callbacks").RequireAuthorization(Policies.Callback)
            .WithSummary("拨打: ring the callback staff member's phone, then the citizen (local line: connected at once); 409 without a line or when the order does not wait for its callback, 502 when Twilio refuses")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status502BadGateway);
        return app;
    }
}
