using Hotline.Api.Auth;
using Hotline.Contracts.Quality;
using Hotline.Core.Features.Quality;
using MediatR;

namespace Hotline.Api.Endpoints;

/// <summary>Quality inspection (质检): the checklist, the week's sample, scoring a call, and per-agent scores. See docs/telephony.md.</summary>
public static class QualityEndpoints
{
    public static IEndpointRouteBuilder MapQualityEndpoints(this IEndpointRouteBuilder app)
    {
        var qa = app.MapGroup("/api/qa").WithTags("Quality inspection").RequireAuthorization(Policies.Supervisor);
        qa.MapGet("/checklist", (IMediator m, CancellationToken ct) => m.Send(new GetQaChecklist(), ct))
            .WithSummary("质检评分表: the active points in order (a centre that never edited it has the four defaults)");
        qa.MapPut("/checklist", (SaveQaChecklistRequest body, IMediator m, CancellationToken ct) => m.Send(new SaveQaChecklist(body), ct))
            .WithSummary("Replace the checklist (1 to 20 points in order; points left out are retired, past scores keep their copy); audited")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        qa.MapGet("/sample", (string? week, IMediator m, CancellationToken ct) => m.Send(new GetQaSample(week), ct))
            .WithSummary("The week's sample (week=2026-W49, default this week, China time): Qa:SampleRate of each agent's answered calls, at least one, fixed by a hash")
            .ProducesValidationProblem();
        qa.MapPost("/calls/{callId:guid}/review", (Guid callId, ScoreCallRequest body, IMediator m, CancellationToken ct) => m.Send(new ReviewCall(callId, body), ct))
            .WithSummary("Score an answered call on every active point of the checklist, with a comment; scoring again replaces the points")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        qa.MapGet("/agents", (string? from, string? to, IMediator m, CancellationToken ct) => m.Send(new GetQaAgentScores(from, to), ct))
            .WithSummary("Per agent per week: calls scored and the average share of the maximum (from=2026-W41&to=2026-W49, default the last eight weeks)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
