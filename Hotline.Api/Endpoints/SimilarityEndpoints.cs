using Hotline.Api.Auth;
using Hotline.Contracts.Tickets;
using Hotline.Core.Features.Tickets.FindSimilarClusters;
using Hotline.Core.Features.Tickets.FindSimilarTickets;
using MediatR;

namespace Hotline.Api.Endpoints;

/// <summary>相似诉求 (docs/intelligence.md "Similar demands"): orders that say the same thing, and clusters of them.</summary>
public static class SimilarityEndpoints
{
    public static IEndpointRouteBuilder MapSimilarityEndpoints(this IEndpointRouteBuilder app)
    {
        var tickets = app.MapGroup("/api/tickets").WithTags("Tickets");

        tickets.MapGet("/similar", (IMediator m, string? content, string? districtCode, string? streetCode, int? days, CancellationToken ct) =>
                m.Send(new FindSimilarTickets(content, districtCode, streetCode, days), ct))
            .RequireAuthorization(Policies.Dispatcher)
            .WithSummary("相似诉求 while registering (Agent, Supervisor): up to 5 orders of the last `days` days (1–365, default 30) whose text says the same, open and recently closed (closed: true), same street > same district > elsewhere, then score; 400 for empty or >4000-character content")
            .Produces<SimilarTicketsResult>().ProducesValidationProblem();
        tickets.MapGet("/{id:guid}/similar", (Guid id, IMediator m, int? days, CancellationToken ct) => m.Send(new FindTicketsSimilarTo(id, days), ct))
            .RequireAuthorization(Policies.AnyStaff)
            .WithSummary("相似诉求 of an order (any staff who can see it: a unit sees only its own orders among the results); 404 when the order is not visible")
            .Produces<SimilarTicketsResult>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        tickets.MapGet("/similar-clusters", (IMediator m, int? days, CancellationToken ct) => m.Send(new FindSimilarClusters(days), ct))
            .RequireAuthorization(Policies.Supervisor)
            .WithSummary("相似诉求聚类 (Supervisor): groups of similar open orders registered in the last `days` days (1–31, default 7), largest first, to merge or treat as one hot spot")
            .Produces<SimilarClustersResult>().ProducesValidationProblem();
        return app;
    }
}
