using FluentValidation;
using Hotline.Contracts;
using Hotline.Contracts.Audit;
using Hotline.Contracts.Kpis;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Kpis.Export;
using Hotline.Core.Features.Kpis.ExportKpiTable;
using Hotline.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Audit.SearchAudit;

/// <summary>
/// The filter of <c>GET /api/admin/audit</c> and its export: the actor's user name, the order (by id or number), China
/// dates from..to inclusive, the action; newest first.
/// </summary>
public sealed record AuditFilter(string? Actor, Guid? TicketId, string? TicketNumber, DateOnly? From, DateOnly? To, string? Action);

public sealed record SearchAudit(AuditFilter Filter, int Page = 1, int PageSize = 50) : IRequest<PagedResult<AuditEntryDto>>;

/// <summary>The search's entries as CSV or XLSX (at most <see cref="MaxRows"/>); the export is itself audited.</summary>
public sealed record ExportAudit(AuditFilter Filter, ExportFormat Format) : IRequest<KpiFile>, IAuditedRequest
{
    public const int MaxRows = 50_000;

    public string AuditAction => AuditActions.AuditExported;

    public string? AuditSummary => "导出审计日志：" + AuditQuery.Describe(Filter);
}

public sealed class AuditFilterValidator : AbstractValidator<AuditFilter>
{
    private const string DateRange = "日期须在 2000-01-01 至 2099-12-31 之间。";
    private static readonly DateOnly Earliest = new DateOnly(2000, 1, 1);
    private static readonly DateOnly Latest = new DateOnly(2099, 12, 31);

    public AuditFilterValidator()
    {
        RuleFor(x => x.Actor).MaximumLength(64).OverridePropertyName("actor");
        RuleFor(x => x.TicketNumber).MaximumLength(32).OverridePropertyName("ticketNumber");
        RuleFor(x => x.Action).Must(a => AuditActions.All.Contains(a!)).When(x => !string.IsNullOrEmpty(x.Action))
            .WithMessage("未知的操作类型。").OverridePropertyName("action");
        RuleFor(x => x.From).Must(d => d >= Earliest && d <= Latest).When(x => x.From is not null).WithMessage(DateRange).OverridePropertyName("from");
        RuleFor(x => x.To).Must(d => d >= Earliest && d <= Latest).When(x => x.To is not null).WithMessage(DateRange).OverridePropertyName("to");
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null)
            .WithMessage("结束日期不能早于开始日期。").OverridePropertyName("to");
    }
}

public sealed class SearchAuditValidator : AbstractValidator<SearchAudit>
{
    public SearchAuditValidator()
    {
        RuleFor(x => x.Filter).SetValidator(new AuditFilterValidator());
        RuleFor(x => x.Page).InclusiveBetween(1, 100_000).OverridePropertyName("page");
        RuleFor(x => x.PageSize).InclusiveBetween(1, 200).OverridePropertyName("pageSize");
    }
}

public sealed class ExportAuditValidator : AbstractValidator<ExportAudit>
{
    public ExportAuditValidator()
    {
        RuleFor(x => x.Filter).SetValidator(new AuditFilterValidator());
        RuleFor(x => x.Format).IsInEnum().OverridePropertyName("format");
    }
}

internal static class AuditQuery
{
    public static IQueryable<AuditEntry> Matching(this IQueryable<AuditEntry> entries, HotlineDbContext db, AuditFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim();
            entries = entries.Where(e => e.ActorName == actor);
        }

        if (filter.TicketId is { } ticketId)
        {
            entries = entries.Where(e => e.TicketId == ticketId);
        }

        if (!string.IsNullOrWhiteSpace(filter.TicketNumber))
        {
            var number = filter.TicketNumber.Trim();
            entries = entries.Where(e => db.Tickets.Any(t => t.Number == number && t.Id == e.TicketId));
        }

        if (filter.From is { } from)
        {
            var start = ChinaTime.StartOfDay(from);
            entries = entries.Where(e => e.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = ChinaTime.StartOfDay(to.AddDays(1));
            entries = entries.Where(e => e.At < end);
        }

        if (!string.IsNullOrEmpty(filter.Action))
        {
            entries = entries.Where(e => e.Action == filter.Action);
        }

        return entries.OrderByDescending(e => e.Id);
    }

    public static string Describe(AuditFilter filter)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(filter.Actor)) parts.Add($"操作人 {filter.Actor.Trim()}");
        if (filter.TicketId is { } id) parts.Add($"工单 {id}");
        if (!string.IsNullOrWhiteSpace(filter.TicketNumber)) parts.Add($"工单 {filter.TicketNumber.Trim()}");
        if (filter.From is { } from) parts.Add($"自 {from:yyyy-MM-dd}");
        if (filter.To is { } to) parts.Add($"至 {to:yyyy-MM-dd}");
        if (!string.IsNullOrEmpty(filter.Action)) parts.Add(AuditActions.NameOf(filter.Action));
        return parts.Count == 0 ? "全部" : string.Join("，", parts);
    }

    public static AuditEntryDto ToDto(AuditEntry e) =>
        new(e.Id, e.At, e.ActorUserId, e.ActorName, e.Address, e.Action, AuditActions.NameOf(e.Action), e.TargetType, e.TargetId, e.TicketId, e.Summary, e.Changes, e.ChainIndex);
}

public sealed class SearchAuditHandler(HotlineDbContext db) : IRequestHandler<SearchAudit, PagedResult<AuditEntryDto>>
{
    public async Task<PagedResult<AuditEntryDto>> Handle(SearchAudit request, CancellationToken cancellationToken)
    {
        var query = db.AuditEntries.AsNoTracking().Matching(db, request.Filter);
        var total = await query.CountAsync(cancellationToken);
        var page = await query.Skip((request.Page - 1) * request.PageSize).Take(request.PageSize).ToListAsync(cancellationToken);
        return new PagedResult<AuditEntryDto>(page.Select(AuditQuery.ToDto).ToList(), total);
    }
}

public sealed class ExportAuditHandler(HotlineDbContext db, Common.ICurrentUser currentUser, TimeProvider time) : IRequestHandler<ExportAudit, KpiFile>
{
    public async Task<KpiFile> Handle(ExportAudit request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rows = db.AuditEntries.AsNoTracking().Matching(db, request.Filter).Take(ExportAudit.MaxRows)
            .AsAsyncEnumerable()
            .Select(e => (IReadOnlyList<object?>)
            [
                e.Id, e.At, e.ActorName, e.Address ?? "", AuditActions.NameOf(e.Action), e.TargetType ?? "", e.TargetId ?? "",
                e.TicketId?.ToString() ?? "", e.Summary, e.Changes ?? "", e.ChainIndex, e.Hash ?? "",
            ]);
        var table = new TableData(
            "审计日志",
            [
                new("编号", CellKind.Integer), new("时间"), new("操作人"), new("来源地址"), new("操作"), new("对象类型"), new("对象"),
                new("工单"), new("说明"), new("变更内容"), new("链序号", CellKind.Integer), new("哈希"),
            ],
            rows);
        table = ExportWatermark.Append(table, await ExportWatermark.ForAsync(db, currentUser.Actor, now, cancellationToken));
        return KpiFile.Of(table, $"audit-{ChinaTime.ToChina(now):yyyyMMdd-HHmm}", request.Format);
    }
}
