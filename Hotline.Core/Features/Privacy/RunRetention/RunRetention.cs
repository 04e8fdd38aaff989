using Hotline.Contracts.Audit;
using Hotline.Core.Data;
using Hotline.Core.Features.Audit;
using Hotline.Contracts;
using Hotline.Domain.Tickets;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Privacy.RunRetention;

/// <summary>
/// Removes the personal data of orders closed more than <see cref="PrivacyOptions.RetentionDays"/> ago, in batches of
/// <see cref="PrivacyOptions.BatchSize"/>, each saved on its own (one transaction), so a killed run keeps its finished
/// batches and the next run goes on. Orders already anonymised are skipped: a re-run changes nothing. One
/// <c>privacy.retention-run</c> audit entry with the counts per run that changed something.
/// </summary>
public sealed record RunRetention : IRequest<RetentionResult>;

public sealed record RetentionResult(IReadOnlyDictionary<string, int> Counts);

public sealed class RunRetentionHandler(HotlineDbContext db, PersonalDataErasure erasure, AuditLog audit, TimeProvider time, IOptions<PrivacyOptions> options)
    : IRequestHandler<RunRetention, RetentionResult>
{
    public async Task<RetentionResult> Handle(RunRetention request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var cutoff = now.AddDays(-options.Value.RetentionDays);
        var counts = erasure.EmptyCounts();
        while (true)
        {
            var batch = await db.Tickets
                .Where(t => t.Status == TicketStatus.Closed && t.AnonymisedAt == null && t.ClosedAt != null && t.ClosedAt < cutoff)
                .OrderBy(t => t.Id)
                .Take(options.Value.BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            await erasure.Erase(batch, now, counts, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        if (counts.Values.Any(c => c > 0))
        {
            audit.Add(null, "系统", AuditActions.RetentionRun,
                $"保留期满（结案超过 {options.Value.RetentionDays} 天）脱敏：{PersonalDataErasure.Describe(counts)}", "Privacy");
            await db.SaveChangesAsync(cancellationToken);
        }

        return new RetentionResult(counts);
    }
}
