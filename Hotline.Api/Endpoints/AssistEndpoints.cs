using Hotline.Api.Auth;
using Hotline.Contracts.Assist;
using Hotline.Core.Features.Assist.DraftAnswer;
using Hotline.Core.Features.Assist.ExtractPlace;
using Hotline.Core.Features.Assist.GetAssistStatus;
using Hotline.Core.Features.Assist.SummarizeDemand;
using MediatR;

namespace Hotline.Api.Endpoints;

/// <summary>
/// 大模型辅助 (docs/intelligence.md "Large-model assist"): suggestions only, nothing is written to an order. Off →
/// 409; the model failing → 502, not answering in time → 504. Phone and ID numbers are masked before a request leaves.
/// </summary>
public static class AssistEndpoints
{
    public static IEndpointRouteBuilder MapAssistEndpoints(this IEndpointRouteBuilder app)
    {
        var assist = app.MapGroup("/api/assist").WithTags("Assist").RequireAuthorization(Policies.AnyStaff);

        assist.MapGet("/", (IMediator m, CancellationToken ct) => m.Send(new GetAssistStatus(), ct))
            .WithSummary("Whether the large-model assist is on here, and its model");
        assist.MapPost("/summary", (AssistTextRequest body, IMediator m, CancellationToken ct) => m.Send(new SummarizeDemand(body.Content), ct))
            .RequireAuthorization(Policies.Dispatcher)
            .WithSummary("一句话概括 (Agent, Supervisor): a suggested one-line summary of the demand text; 400 for empty or >4000-character content")
            .Produces<AssistSummaryDto>().ProducesValidationProblem().ProducesAssistProblems();
        assist.MapPost("/place", (AssistTextRequest body, IMediator m, CancellationToken ct) => m.Send(new ExtractPlace(body.Content), ct))
            .RequireAuthorization(Policies.Dispatcher)
            .WithSummary("地点识别 (Agent, Supervisor): district, street and address read from the text, codes checked against the place catalogue (unknown ones null)")
            .Produces<AssistPlaceDto>().ProducesValidationProblem().ProducesAssistProblems();
        assist.MapPost("/draft-answer", (AssistDraftRequest body, IMediator m, CancellationToken ct) => m.Send(new DraftAnswer(body.TicketId), ct))
            .WithSummary("答复草稿 (staff who can see the order): a draft reply from the most relevant knowledge article; draft null when none is found; 404 when the order is not visible")
            .Produces<AssistDraftDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesAssistProblems();
        return app;
    }

    private static RouteHandlerBuilder ProducesAssistProblems(this RouteHandlerBuilder builder) => builder
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status502BadGateway)
        .ProducesProblem(StatusCodes.Status504GatewayTimeout);
}
