using Hotline.Api.Auth;
using Hotline.Contracts;
using Hotline.Contracts.Tickets;
using Hotline.Core.Features.Tickets.FlagTicket;
using Hotline.Core.Features.Tickets.InstructTicket;
using Hotline.Core.Features.Tickets.RequestAssessment;
using Hotline.Core.Features.Tickets.SplitTicket;
using MediatR;

namespace Hotline.Api.Endpoints;

/// <summary>拆单, 领导批示, the 疑难/典型 flags and 待研判 (docs/architecture.md, api.md), under <c>/api/tickets</c>.</summary>
internal static class TicketSupervisionEndpoints
{
    public static void Map(RouteGroupBuilder tickets)
    {
        tickets.MapPost("/{id:guid}/split", (Guid id, SplitRequest body, HttpRequest http, IMediator m, CancellationToken ct) =>
                m.Send(new SplitTicket(id, body.Parts, TicketEndpoints.Version(http, body.Version)), ct)).RequireAuthorization(Policies.Dispatcher)
            .WithSummary("拆单: a Registered order becomes 2–10 new orders (citizen and place copied, each with its own content and category); the original closes as Split and lists them in splitInto; 409 on a wrong count or status");
        tickets.MapPost("/{id:guid}/instructions", (Guid id, InstructionRequest body, HttpRequest http, IMediator m, CancellationToken ct) =>
                m.Send(new InstructTicket(id, body.Text, body.Author, body.ReplyDueAt, TicketEndpoints.Version(http, body.Version)), ct)).RequireAuthorization(Policies.Supervisor)
            .WithSummary("领导批示/交办 on an open order; replyDueAt, if given, must be tighter than the running reply deadline (409 otherwise)");
        tickets.MapPut("/{id:guid}/flags/{flag}", (Guid id, TicketFlag flag, HttpRequest http, IMediator m, CancellationToken ct) =>
                m.Send(new FlagTicket(id, flag, On: true, TicketEndpoints.Version(http, null)), ct)).RequireAuthorization(Policies.Supervisor)
            .WithSummary("Flag the order 疑难 (Hard) or 典型 (Typical); 409 when already set");
        tickets.MapDelete("/{id:guid}/flags/{flag}", (Guid id, TicketFlag flag, HttpRequest http, IMediator m, CancellationToken ct) =>
                m.Send(new FlagTicket(id, flag, On: false, TicketEndpoints.Version(http, null)), ct)).RequireAuthorization(Policies.Supervisor)
            .WithSummary("Clear the 疑难 (Hard) or 典型 (Typical) flag; 409 when not set");
        tickets.MapPost("/{id:guid}/assessment", (Guid id, AssessmentRequest body, HttpRequest http, IMediator m, CancellationToken ct) =>
                m.Send(new RequestAssessment(id, body.Note, TicketEndpoints.Version(http, body.Version)), ct)).RequireAuthorization(Policies.Agent)
            .WithSummary("待研判: an agent who cannot place a Registered order puts it on the supervisors' queue (?assessmentPending=true); the dispatch clears it");
    }
}
