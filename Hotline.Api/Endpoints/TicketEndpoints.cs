using Hotline.Api.Auth;
using Hotline.Contracts;
using Hotline.Contracts.Tickets;
using Hotline.Core.Features.Callbacks.ListDueCallbacks;
using Hotline.Core.Features.Tickets.AcceptTicket;
using Hotline.Core.Features.Tickets.AnswerTicket;
using Hotline.Core.Features.Tickets.CloseTicket;
using Hotline.Core.Features.Tickets.ContactCitizen;
using Hotline.Core.Features.Tickets.DecideExtension;
using Hotline.Core.Features.Tickets.DecideReturn;
using Hotline.Core.Features.Tickets.DispatchTicket;
using Hotline.Core.Features.Tickets.GetCallerHistory;
using Hotline.Core.Features.Tickets.GetDispatchSuggestion;
using Hotline.Core.Features.Tickets.GetTicket;
using Hotline.Contracts.Kpis;
using Hotline.Core.Features.Tickets.ExportTickets;
using Hotline.Core.Features.Tickets.ListTickets;
using Hotline.Core.Features.Tickets.MarkInvalid;
using Hotline.Core.Features.Tickets.MergeTicket;
using Hotline.Core.Features.Tickets.RecordCallback;
using Hotline.Core.Features.Tickets.RegisterTicket;
using Hotline.Core.Features.Tickets.ReplyTicket;
using Hotline.Core.Features.Tickets.RequestExtension;
using Hotline.Core.Features.Tickets.RequestReturn;
using Hotline.Core.Features.Tickets.RevealCitizenPhone;
using Hotline.Core.Features.Tickets.UrgeTicket;
using Hotline.Core.Features.Tickets.ReclassifyTicket;
using Hotline.Core.Features.Tickets.DecideSuspension;
using Hotline.Core.Features.Tickets.RequestSuspension;
using Hotline.Core.Features.Tickets.ResumeTicket;
using Hotline.Core.Features.Tickets.ReviewReply;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Api.Endpoints;

/// <summary>Orders (工单): registration, reading, and every transition of api.md.</summary>
public static class TicketEndpoints
{
    public static IEndpointRouteBuilder MapTicketEndpoints(this IEndpointRouteBuilder app)
    {
        var tickets = app.MapGroup("/api/tickets").WithTags("Tickets").RequireAuthorization(Policies.AnyStaff)
            .WithMetadata(Idempotency.IdempotentWrites.Enabled);

        tickets.MapPost("/", RegisterAsync).RequireAuthorization(Policies.Agent).WithMetadata(Idempotency.IdempotentWrites.Own)
            .WithSummary("受理: register an order (Idempotency-Key honoured)");
        tickets.MapGet("/", (IMediator m, [AsParameters] TicketListParameters query, CancellationToken ct) => m.Send(query.ToRequest(), ct))
            .WithSummary("List orders the caller may see. overdue=true: a running deadline has passed, latest first; nearDue=true: the next deadline falls within Deadlines:NearDueWindow; escalated=true: an overdue alert was raised (the supervisors' list); pendingExtension=true: an extension waits for a supervisor; reviewPending=true: a reply waits for 办结审核, oldest reply first; suspended=true: a suspension request waits for a supervisor or the clocks are stopped; instructed=true: open orders with a leader's instruction (领导批示); flag=Hard|Typical: flagged 疑难/典型; assessmentPending=true: the 待研判 queue, oldest first; districtCode, categoryCode (a top-level code takes its children), rework=true: came back at least once (重办); open=true: not closed; sort=Deadline: the next running deadline first, sort=Created: newest first; rows carry contentPreview, districtCode, streetCode, address and reworkCount");
        tickets.MapGet("/export", async (IMediator m, [AsParameters] TicketListParameters query, ExportFormat? format, CancellationToken ct) =>
            {
                var file = await m.Send(new ExportTickets(query.ToRequest(), format ?? ExportFormat.Xlsx), ct);
                return TypedResults.Stream(body => file.WriteAsync(body, ct), file.ContentType, file.FileName);
            })
            .Produces(StatusCodes.Status200OK, contentType: Hotline.Core.Features.Kpis.Export.XlsxTableWriter.ContentType)
            .WithSummary("The list as CSV (UTF-8 with BOM) or XLSX (format=Csv|Xlsx, default Xlsx) with the same filters and sort, names instead of codes, times in China, the whole content; at most 10,000 rows, page and pageSize ignored");
        tickets.MapGet("/caller-history", (string? phone, IMediator m, CancellationToken ct) => m.Send(new GetCallerHistory(phone), ct))
            .RequireAuthorization(Policies.Dispatcher)
            .WithSummary("The caller's earlier orders by phone, each once with its content; open ones of the last 30 days are possible duplicates; the name and place given last");
        tickets.MapGet("/{id:guid}", async (Guid id, IMediator m, HttpContext http, CancellationToken ct) =>
            {
                var ticket = await m.Send(new GetTicket(id), ct);
                http.Response.Headers.ETag = $"\"{ticket.Version}\"";
                return TypedResults.Ok(ticket);
            })
            .WithSummary("One order with its timeline (phone masked and identity hidden for departments)");
        tickets.MapGet("/{id:guid}/dispatch-suggestion", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetDispatchSuggestion(id), ct))
            .RequireAuthorization(Policies.Dispatcher).WithSummary("What the dispatch catalogue suggests");

        tickets.MapPost("/{id:guid}/answer", (Guid id, AnswerRequest body, HttpRequest http, IMediator m, CancellationToken ct) =>
            m.Send(new AnswerTicket(id, body.Answer, Version(http, body.Version), body.ArticleId), ct)).RequireAuthorization(Policies.Agent)
            .WithSummary("直接办结: answer on the spot (Registered → Closed); articleId records the knowledge article (and version) used");
        tickets.MapPost("/{id:guid}/dispatch", (Guid id, DispatchRequest body, HttpRequest http, IMediator m, CancellationToken ct) =>
            m.Send(new DispatchTicket(id, body.LeadUnitId, body.AssistingUnitIds, body.Note, Version(http, body.Version)), ct)).RequireAuthorization(Policies.Dispatcher)
            .WithSummary("派单 (Registered → Dispatched); without leadUnitId the catalogue decides");
        tickets.MapPost("/{id:guid}/classification", (Guid id, ReclassifyRequest body, HttpRequest http, IMediator m, CancellationToken ct) =>
            m.Send(new ReclassifyTicket(id, body.CategoryCode, body.Urgency, body.Type, Version(http, body.Version)), ct)).RequireAuthorization(Policies.Dispatcher)
            .WithSummary("修改分类/紧急程度: correct category, urgency and type before dispatching (Registered only, 409 otherwise)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        tickets.MapPost("/{id:guid}/accept", (Guid id, [FromBody] VersionOnlyRequest? body, HttpRequest http, IMediator m, CancellationToken ct) =>
            m.Send(new AcceptTicket(id, Version(http, body?.Version)), ct)).RequireAuthorization(Policies.Department)
            .WithSummary("签收 (Dispatched → Accepted), lead unit only");
        tickets.MapPost("/{id:guid}/contact", (Guid id, NoteRequest body, HttpRequest http, IMediator m, CancellationToken ct) =>
            m.Send(new ContactCitizen(id, body.Note, Version(http, body.Version)), ct)).RequireAuthorization(Policies.Department)
            .WithSummary("联系: record contact with the citizen");
        tickets.MapPost("/{id:guid}/return-requests", (Guid id, ReturnRequest body, HttpRequest http, IMediator m, CancellationToken ct) =>
            m.Send(new RequestReturn(id, body.Reason, Version(http, body.Version)), ct)).RequireAuthorization(Policies.Department)
            .WithSummary("退单申请 (→ ReturnRequested)");
        tickets.MapPost("/{id:guid}/return-requests/decision", (Guid id, ReturnDecisionRequest body, HttpRequest http, IMediator m, CancellationToken ct) =>
            m.Send(new DecideReturn(id, body.Approve, body.RedispatchToUnitId, body.Note, Version(http, body.Version)), ct)).RequireAuthorization(Policies.Supervisor)
            .WithSummary("Approve (redispatch) or reject a return");
        tickets.MapPost("/{id:guid}/extension-requests", (Guid id, ExtensionRequest body, HttpRequest http, IMediator m, CancellationToken ct) =>
            m.Send(new RequestExtension(id, body.NewReplyDueAt, body.Reason, Version(http, body.Version)), ct)).RequireAuthorization(Policies.Department)
            .WithSummary("延期申请");
        tickets.MapPost("/{id:guid}/extension-requests/decision", (Guid id, ExtensionDecisionRequest body, HttpRequest http, IMediator m, CancellationToken ct) =>
            m.Send(new DecideExtension(id, body.Approve, body.Note, Version(http, body.Version)), ct)).RequireAuthorization(Policies.Supervisor)
            .WithSummary("Approve (moves replyDueAt) or reject an extension");
        tickets.MapPost("/{id:guid}/reply", (Guid id, ReplyRequest body, HttpRequest http, IMediator m, CancellationToken ct) =>
            m.Send(new ReplyTicket(id, body.Solved, body.Answer, Version(http, body.Version)), ct)).RequireAuthorization(Policies.Department)
            .WithSummary("答复 (Accepted → Replied)");
        tickets.MapPost("/{id:guid}/review", (Guid id, ReplyReviewRequest body, HttpRequest http, IMediator m, CancellationToken ct) =>
            m.Send(new ReviewReply(id, body.Approve, body.Note, Version(http, body.Version)), ct)).RequireAuthorization(Policies.Supervisor)
            .WithSummary("办结审核: approve a reply waiting for review (the callback follows), or reject it with a note (Replied → Accepted, fresh reply deadline, reworkCount + 1); 409 when no review is pending")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        tickets.MapPost("/{id:guid}/suspension-requests", (Guid id, SuspensionRequest body, HttpRequest http, IMediator m, CancellationToken ct) =>
            m.Send(new RequestSuspension(id, body.Reason, body.Until, Version(http, body.Version)), ct)).RequireAuthorization(Policies.Department)
            .WithSummary("挂起申请 by the lead unit (Accepted, before the reply deadline); until: when the clocks restart by themselves")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        tickets.MapPost("/{id:guid}/suspension-requests/decision", (Guid id, SuspensionDecisionRequest body, HttpRequest http, IMediator m, CancellationToken ct) =>
            m.Send(new DecideSuspension(id, body.Approve, body.Note, Version(http, body.Version)), ct)).RequireAuthorization(Policies.Supervisor)
            .WithSummary("Approve (every running clock stops) or reject a pending suspension; 409 when none is pending")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        tickets.MapPost("/{id:guid}/resume", (Guid id, [FromBody] VersionOnlyRequest? body, HttpRequest http, IMediator m, CancellationToken ct) =>
            m.Send(new ResumeTicket(id, Version(http, body?.Version)), ct)).RequireAuthorization(Policies.DepartmentOrSupervisor)
            .WithSummary("恢复计时 by the lead unit or a supervisor: the clocks restart with the time they had left, each in its own unit; 409 when not suspended")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        tickets.MapPost("/{id:guid}/callback", (Guid id, CallbackRequest body, HttpRequest http, IMediator m, CancellationToken ct) =>
            m.Send(new RecordCallback(id, body.Outcome, body.Solved, body.Note, Version(http, body.Version), body.ReasonCode, body.ContactFailure, body.Retry), ct))
            .RequireAuthorization(Policies.Callback)
            .WithSummary("回访 (Replied → Closed, or rework → Dispatched); reasonCode required when Dissatisfied; Unreachable with contactFailure: back in the queue at retry until the last attempt")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        tickets.MapPost("/{id:guid}/urge", (Guid id, NoteRequest body, HttpRequest http, IMediator m, CancellationToken ct) =>
            m.Send(new UrgeTicket(id, body.Note, Version(http, body.Version)), ct)).RequireAuthorization(Policies.Supervisor)
            .WithSummary("催办");
        tickets.MapPost("/{id:guid}/merge", (Guid id, MergeRequest body, HttpRequest http, IMediator m, CancellationToken ct) =>
            m.Send(new MergeTicket(id, body.OriginalTicketId, Version(http, body.Version)), ct)).RequireAuthorization(Policies.Dispatcher)
            .WithSummary("重复件: merge into the original (→ Closed Duplicate)");
        TicketSupervisionEndpoints.Map(tickets);
        tickets.MapPost("/{id:guid}/invalidate", (Guid id, CloseRequest body, HttpRequest http, IMediator m, CancellationToken ct) =>
            m.Send(new MarkInvalid(id, body.Reason, Version(http, body.Version)), ct)).RequireAuthorization(Policies.Dispatcher)
            .WithSummary("无效件 (→ Closed Invalid)");
        tickets.MapPost("/{id:guid}/close", (Guid id, CloseRequest body, HttpRequest http, IMediator m, CancellationToken ct) =>
            m.Send(new CloseTicket(id, body.Reason, Version(http, body.Version)), ct)).RequireAuthorization(Policies.Supervisor)
            .WithSummary("Close by a supervisor (→ Closed ClosedBySupervisor)");
        tickets.MapPost("/{id:guid}/citizen-phone", (Guid id, IMediator m, CancellationToken ct) => m.Send(new RevealCitizenPhone(id), ct))
            .RequireAuthorization(Policies.Department)
            .WithSummary("The lead unit reads the full phone to call the citizen; the access is logged on the timeline");

        app.MapGet("/api/callbacks", (IMediator m, bool? due, CancellationToken ct) => m.Send(new ListDueCallbacks(DueOnly: due == true), ct))
            .WithTags("Callbacks").RequireAuthorization(Policies.Callback)
            .WithSummary("The callback queue: replied orders waiting for a callback, oldest first (due=true: only those waiting for a person, not for an automated survey)");
        return app;
    }

    private static async Task<Created<TicketDto>> RegisterAsync(
        RegisterTicketRequest body,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        HttpContext http,
        IMediator m,
        CancellationToken ct)
    {
        var result = await m.Send(new RegisterTicket(body, string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim()), ct);
        if (result.Replayed)
        {
            http.Response.Headers["Idempotent-Replayed"] = "true";
        }

        return TypedResults.Created($"/api/tickets/{result.Ticket.Id}", result.Ticket);
    }

    /// <summary>The expected version: <c>If-Match: "5"</c> or the body's <c>version</c>.</summary>
    internal static int? Version(HttpRequest request, int? bodyVersion)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return bodyVersion;
        }

        var value = header.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        return int.TryParse(value.Trim('"'), out var version)
            ? version
            : throw new BadHttpRequestException("If-Match 须为工单的版本号，例如 \"5\"。(If-Match must carry the order's version.)");
    }
}

/// <summary>The query string of <c>GET /api/tickets</c> and <c>GET /api/tickets/export</c>.</summary>
internal sealed record TicketListParameters(
    TicketStatus? Status,
    Guid? UnitId,
    bool? Overdue,
    bool? NearDue,
    bool? Escalated,
    bool? PendingExtension,
    bool? ReviewPending,
    bool? Suspended,
    bool? Instructed,
    TicketFlag? Flag,
    bool? AssessmentPending,
    string? Q,
    Urgency? Urgency,
    Channel? Channel,
    string? DistrictCode,
    string? CategoryCode,
    bool? Rework,
    TicketSort? Sort,
    bool? Open,
    int? Page,
    int? PageSize)
{
    public ListTickets ToRequest() => new(
        Status, UnitId, Overdue, Q, Urgency, Channel, Page ?? 1, PageSize ?? 50, NearDue, Escalated, PendingExtension, ReviewPending, Suspended,
        Instructed, Flag, AssessmentPending, DistrictCode, CategoryCode, Rework, Sort, Open);
}
