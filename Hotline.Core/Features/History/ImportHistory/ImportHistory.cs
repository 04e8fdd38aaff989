using Hotline.Contracts.Audit;
using System.Text.Encodings.Web;
using System.Text.Json;
using Hotline.Contracts;
using Hotline.Contracts.Intelligence;
using Hotline.Contracts.Knowledge;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Reference;
using Hotline.Core.Features.Tickets;
using Hotline.Core.Json;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.History.ImportHistory;

/// <summary>
/// 历史工单导入 (docs/intelligence.md): JSON Lines or a JSON array of orders closed in the previous system, read as
/// the body arrives and saved in batches (each batch one transaction: an order is written whole or not at all).
/// Idempotent by externalId: a line already imported is counted unchanged. A bad line is reported with its
/// number and the others are imported. The orders are closed (reason Imported), numbered in their own range
/// (H + 13 digits), searchable and used for training, and never part of the measures.
/// </summary>
public sealed record ImportHistory(Stream Body, bool JsonLines) : IRequest<HistoryImportResult>, Hotline.Core.Features.Audit.IAuditedRequest
{
    public string AuditAction => AuditActions.HistoryImported;
    public bool AuditCapturesChanges => false;
    public string? AuditSummary => JsonLines ? "导入历史工单（JSON Lines）" : "导入历史工单（JSON）";
}

public sealed class ImportHistoryHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time, ReferenceDataCache reference)
    : IRequestHandler<ImportHistory, HistoryImportResult>
{
    public const int BatchSize = 500;

    /// <summary>The API's wire rules (instants with an offset, within the supported years) for each line.</summary>
    public static readonly JsonSerializerOptions Json = CreateJson();

    public async Task<HistoryImportResult> Handle(ImportHistory request, CancellationToken cancellationToken)
    {
        var (actor, now) = (currentUser.Actor, time.GetUtcNow());
        var snapshot = await reference.GetAsync(cancellationToken);
        var units = snapshot.Units.ToDictionary(u => u.Code, u => u.Id, StringComparer.OrdinalIgnoreCase);
        var errors = new List<ImportError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var batch = new List<(int Line, HistoryOrder Order)>(BatchSize);
        int created = 0, unchanged = 0;

        await foreach (var line in JsonImportReader.ReadAsync<HistoryOrderLine>(request.Body, request.JsonLines, Json, cancellationToken))
        {
            if (line.Item is not { } item)
            {
                errors.Add(new ImportError(line.Line, line.Error!));
                continue;
            }

            var (order, problem) = HistoryOrder.Read(item, snapshot, units, now);
            if (order is not null && !seen.Add(order.ExternalId))
            {
                problem = $"externalId {order.ExternalId} 在本次导入中重复。";
            }

            if (problem is not null)
            {
                errors.Add(new ImportError(line.Line, problem));
                continue;
            }

            batch.Add((line.Line, order!));
            if (batch.Count == BatchSize)
            {
                var (c, u) = await SaveAsync(batch, actor, now, errors, cancellationToken);
                (created, unchanged) = (created + c, unchanged + u);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            var (c, u) = await SaveAsync(batch, actor, now, errors, cancellationToken);
            (created, unchanged) = (created + c, unchanged + u);
        }

        return new HistoryImportResult(created, unchanged, errors.OrderBy(e => e.Line).ToList());
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        HotlineJson.Configure(options);
        return options;
    }

    /// <summary>One batch in one transaction; a concurrent import of the same ids (the unique index) makes it look again once.</summary>
    private async Task<(int Created, int Unchanged)> SaveAsync(List<(int Line, HistoryOrder Order)> batch, Actor actor, DateTimeOffset now, List<ImportError> errors, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var ids = batch.Select(b => b.Order.ExternalId).ToList();
            var existing = (await db.Tickets.AsNoTracking().Where(t => t.ExternalId != null && ids.Contains(t.ExternalId)).Select(t => t.ExternalId!).ToListAsync(ct))
                .ToHashSet(StringComparer.Ordinal);
            var fresh = batch.Where(b => !existing.Contains(b.Order.ExternalId)).ToList();
            if (fresh.Count == 0)
            {
                return (0, batch.Count);
            }

            var numbers = await TicketNumberAllocator.ReserveHistoryAsync(db, fresh.Count, ct);
            var added = 0;
            foreach (var ((line, order), number) in fresh.Zip(numbers))
            {
                try
                {
                    db.Tickets.Add(order.ToTicket(number, actor, now));
                    added++;
                }
                catch (DomainException rule)
                {
                    errors.Add(new ImportError(line, rule.Message));
                }
            }

            try
            {
                await db.SaveChangesAsync(ct);
                return (added, batch.Count - fresh.Count);
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                db.ChangeTracker.Clear();
                errors.RemoveAll(e => fresh.Any(f => f.Line == e.Line));
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
