using Hotline.Api.Auth;
using Hotline.Contracts.Audit;
using Hotline.Contracts.Kpis;
using Hotline.Contracts.Tickets;
using Hotline.Core.Features.Audit.SearchAudit;
using Hotline.Core.Features.Audit.VerifyAuditChain;
using MediatR;

namespace Hotline.Api.Endpoints;

/// <summary>The audit trail (审计日志, docs/privacy.md): Admins search, export and verify it; nothing edits or deletes it.</summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/admin/audit").WithTags("Admin").RequireAuthorization(Policies.Admin);
        audit.MapGet(string.Empty, (IMediator m, [AsParameters] AuditParameters query, int? page, int? pageSize, CancellationToken ct) =>
                m.Send(new SearchAudit(query.ToFilter(), page ?? 1, pageSize ?? 50), ct))
            .Produces<PagedResult<AuditEntryDto>>().ProducesValidationProblem()
            .WithSummary("审计日志: sign-ins and failed sign-ins, every change of users, reference data, SLA tables, calendars and keys, units' reads of orders, phones revealed, exports; newest first. actor: user name; ticketId or ticketNumber; from..to: China dates inclusive; action: one of the audit actions");
        audit.MapGet("/export", async (IMediator m, [AsParameters] AuditParameters query, ExportFormat? format, CancellationToken ct) =>
            {
                var file = await m.Send(new ExportAudit(query.ToFilter(), format ?? ExportFormat.Xlsx), ct);
                return TypedResults.Stream(body => file.WriteAsync(body, ct), file.ContentType, file.FileName);
            })
            .Produces(StatusCodes.Status200OK, contentType: Hotline.Core.Features.Kpis.Export.XlsxTableWriter.ContentType).ProducesValidationProblem()
            .WithSummary("The search's entries as CSV (UTF-8 with BOM) or XLSX (format=Csv|Xlsx, default Xlsx), at most 50,000; the export is itself audited");
        audit.MapGet("/verify", (IMediator m, CancellationToken ct) => m.Send(new VerifyAuditChain(), ct))
            .Produces<AuditVerificationDto>()
            .WithSummary("Walks the hash chain: valid, or the first entry edited, missing (deleted) or a head that does not name the last entry; entries written in the last minute may still be pending");
        return app;
    }
}

/// <summary>The query string of <c>GET /api/admin/audit</c> and its export.</summary>
public sealed record AuditParameters(string? Actor, Guid? TicketId, string? TicketNumber, DateOnly? From, DateOnly? To, string? Action)
{
    public AuditFilter ToFilter() => new(Actor, TicketId, TicketNumber, From, To, Action);
}
