using Hotline.Api.Auth;
using Hotline.Core.Features.Events;
using Hotline.Core.Features.Events.GetEvents;
using MediatR;

namespace Hotline.Api.Endpoints;

public static class EventEndpoints
{
    public static IEndpointRouteBuilder MapEventEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/events", (long? since, int? limit, IMediator m, CancellationToken ct) => m.Send(new GetEvents(since ?? 0, limit ?? 500), ct))
            .WithTags("Real time").RequireAuthorization(Policies.AnyStaff)
            .WithSummary("Changes after a sequence that the caller may see, for re-sync after a reconnect");
        app.MapGet("/api/events/head", (IMediator m, CancellationToken ct) => m.Send(new GetEventHead(), ct))
            .WithTags("Real time").RequireAuthorization(Policies.AnyStaff)
            .WithSummary("Where the event log stands: the sequence to follow from after loading fresh data")
            .WithDescription("The newest sequence before any change still committing (see docs/realtime.md, Ordering). A console that has just loaded its pages asks for this once instead of paging `/api/events` from 0.");
        return app;
    }
}
