using Hotline.Api.Auth;
using Hotline.Contracts;
using Hotline.Contracts.Tickets;
using Hotline.Core.Features.Reference.GetAppealPolicy;
using Hotline.Core.Features.Reference.SaveAppealPolicy;
using Hotline.Core.Features.Tickets.DecideAppeal;
using Hotline.Core.Features.Tickets.FileAppeal;
using Hotline.Core.Features.Tickets.GetAppealOptions;
using Hotline.Core.Features.Tickets.ListAppeals;
using MediatR;

namespace Hotline.Api.Endpoints;

/// <summary>申诉/考核豁免: the lead unit appeals a callback or overdue verdict, a supervisor decides; the window is Admin data.</summary>
public static class AppealEndpoints
{
    public static IEndpointRouteBuilder MapAppealEndpoints(this IEndpointRouteBuilder app)
    {
        var tickets = app.MapGroup("/api/tickets").WithTags("Tickets").WithMetadata(Idempotency.IdempotentWrites.Enabled);
        tickets.MapPost("/{id:guid}/appeals", (Guid id, AppealRequest body, HttpRequest http, IMediator m, CancellationToken ct) =>
            m.Send(new FileAppeal(id, body.Kind, body.Reason, TicketEndpoints.Version(http, body.Version)), ct)).RequireAuthorization(Policies.Department)
            .WithSummary("申诉 by the lead unit: kind Callback (the callback's verdict) or Overdue (the latest overdue verdict), within the appeal window of working days after it; 409 after the window, with no such verdict, or with one pending of the same kind")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        tickets.MapGet("/{id:guid}/appeals/options", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetAppealOptions(id), ct))
            .RequireAuthorization(Policies.Department)
            .WithSummary("What the lead unit may appeal now, per kind: allowed, the verdict and the end of its window, or the refusal POST /appeals would give")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        tickets.MapPost("/{id:guid}/appeals/{appealId:guid}/decision", (Guid id, Guid appealId, AppealDecisionRequest body, HttpRequest http, IMediator m, CancellationToken ct) =>
            m.Send(new DecideAppeal(id, appealId, body.Upheld, body.Note, TicketEndpoints.Version(http, body.Version)), ct)).RequireAuthorization(Policies.Supervisor)
            .WithSummary("Uphold (the verdict is exempted from the unit's rates for its measures) or reject (note required) a pending appeal; never by someone of the appellant's unit; 409 when it is not pending")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        app.MapGet("/api/appeals", (AppealStatus? status, AppealKind? kind, Guid? unitId, int? limit, IMediator m, CancellationToken ct) =>
                m.Send(new ListAppeals(status, kind, unitId, limit ?? 200), ct))
            .WithTags("Tickets").RequireAuthorization(Policies.DepartmentOrSupervisor)
            .WithSummary("申诉审核: appeals with their decisions, oldest first; supervisors see every unit's (unitId: one unit's), a department its own")
            .ProducesValidationProblem();

        app.MapGet("/api/appeal-policy", (IMediator m, CancellationToken ct) => m.Send(new GetAppealPolicy(), ct))
            .WithTags("Reference data").RequireAuthorization(Policies.AnyUser)
            .WithSummary("The appeal window: working days after a verdict (statutory calendar) during which the lead unit may appeal it");
        app.MapPut("/api/appeal-policy", (AppealPolicyDto body, IMediator m, CancellationToken ct) => m.Send(new SaveAppealPolicy(body.WindowWorkingDays), ct))
            .WithTags("Reference data").RequireAuthorization(Policies.Admin)
            .WithSummary("Change the appeal window (1–30 working days); appeals already filed keep theirs")
            .ProducesValidationProblem();
        return app;
    }
}
