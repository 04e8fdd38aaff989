using System.Linq.Expressions;
using FluentValidation;
using Hotline.Contracts;
using Hotline.Contracts.Kpis;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Deadlines;
using Hotline.Core.Features.Kpis.Export;
using Hotline.Core.Features.Kpis.ExportKpiTable;
using Hotline.Core.Features.Tickets.ListTickets;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Tickets.ExportTickets;

/// <summary>
/// <c>GET /api/tickets/export?format=csv|xlsx</c> with the list's filters and sort: the orders the caller may see, with
/// names instead of codes and times in China (the table writers format them), at most <see cref="MaxRows"/> (a unit's inbox, a supervisor's selection).
/// </summary>
public sealed record ExportTickets(ListTickets.ListTickets Filter, ExportFormat Format) : IRequest<KpiFile>, Audit.IAuditedRequest
{
    public const int MaxRows = 10_000;

    public string AuditAction => Contracts.Audit.AuditActions.TicketsExported;

    public string? AuditSummary => $"导出工单（{Format}）";

    public bool AuditCapturesChanges => false;
}

public sealed class ExportTicketsValidator : AbstractValidator<ExportTickets>
{
    public ExportTicketsValidator()
    {
        RuleFor(x => x.Filter).SetValidator(new ListTicketsValidator());
        RuleFor(x => x.Format).IsInEnum().OverridePropertyName("format");
    }
}

public sealed class ExportTicketsHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time, IOptions<DeadlineOptions> deadlines)
    : IRequestHandler<ExportTickets, KpiFile>
{
    public async Task<KpiFile> Handle(ExportTickets request, CancellationToken cancellationToken)
    {
        var (actor, now) = (currentUser.Actor, time.GetUtcNow());
        var names = await TicketTable.NamesAsync(db, cancellationToken);
        var rows = db.Tickets.AsNoTracking().VisibleTo(actor)
            .Matching(request.Filter, actor, now, deadlines.Value.NearDueWindow)
            .Ordered(request.Filter)
            .Take(ExportTickets.MaxRows)
            .Select(TicketTable.Row)
            .AsAsyncEnumerable()
            .Select(t => names.Cells(t, now));
        var table = ExportWatermark.Append(new TableData("工单", TicketTable.Columns, rows), await ExportWatermark.ForAsync(db, actor, now, cancellationToken));
        return KpiFile.Of(table, $"tickets-{ChinaTime.ToChina(now):yyyyMMdd-HHmm}", request.Format);
    }
}

/// <summary>An order as a row of an export (the order list's export and a KPI drill-down's): names instead of codes.</summary>
public sealed record TicketTableRow(
    Guid Id, string Number, TicketStatus Status, TicketType Type, string CategoryCode, Urgency Urgency, Guid? LeadUnitId, string DistrictCode, string? StreetCode,
    string? Address, string Content, DateTimeOffset CreatedAt, DateTimeOffset? NextDueAt, int ReworkCount, bool Instructed, bool FlaggedHard, bool FlaggedTypical);

/// <summary>The columns and cells of an exported order list, with the names of units, categories, districts and streets.</summary>
public sealed class TicketTable
{
    public static readonly TableColumn[] Columns =
    [
        new("工单编号"), new("状态"), new("类型"), new("分类"), new("紧急程度"), new("承办单位"), new("区"), new("街道"), new("地址"),
        new("诉求内容"), new("受理时间"), new("下一期限"), new("超期"), new("重办次数", CellKind.Integer), new("标记"),
    ];

    public static readonly Expression<Func<Ticket, TicketTableRow>> Row = t => new TicketTableRow(
        t.Id, t.Number, t.Status, t.Type, t.CategoryCode, t.Urgency, t.LeadUnitId, t.Location.DistrictCode, t.Location.StreetCode, t.Location.Address,
        t.Content, t.CreatedAt, t.Clocks.NextDueAt, t.ReworkCount, t.InstructionCount > 0, t.FlaggedHard, t.FlaggedTypical);

    private readonly Dictionary<string, string> _categories;
    private readonly Dictionary<Guid, string> _units;
    private readonly Dictionary<string, string> _districts;
    private readonly Dictionary<string, string> _streets;

    private TicketTable(Dictionary<string, string> categories, Dictionary<Guid, string> units, Dictionary<string, string> districts, Dictionary<string, string> streets) =>
        (_categories, _units, _districts, _streets) = (categories, units, districts, streets);

    public static async Task<TicketTable> NamesAsync(HotlineDbContext db, CancellationToken ct) => new(
        await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, ct),
        await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct),
        await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, ct),
        await db.Streets.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.Name, ct));

    /// <summary>The cells of <see cref="Columns"/>; overdue as of <paramref name="now"/>.</summary>
    public IReadOnlyList<object?> Cells(TicketTableRow t, DateTimeOffset now) =>
    [
        t.Number, ChineseLabels.Status(t.Status), ChineseLabels.Type(t.Type), _categories.GetValueOrDefault(t.CategoryCode, t.CategoryCode),
        ChineseLabels.Urgency(t.Urgency), t.LeadUnitId is { } unit ? _units.GetValueOrDefault(unit, "") : "",
        _districts.GetValueOrDefault(t.DistrictCode, t.DistrictCode), t.StreetCode is { } street ? _streets.GetValueOrDefault(street, street) : "", t.Address ?? "",
        t.Content, t.CreatedAt, t.NextDueAt, t.NextDueAt is { } late && late < now ? "是" : "否", t.ReworkCount,
        string.Join("、", Marks(t.Instructed, t.FlaggedHard, t.FlaggedTypical)),
    ];

    private static IEnumerable<string> Marks(bool instructed, bool hard, bool typical)
    {
        if (instructed)
        {
            yield return "领导批示";
        }

        if (hard)
        {
            yield return "疑难";
        }

        if (typical)
        {
            yield return "典型";
        }
    }
}
