using Hotline.Core.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Audit;

/// <summary>
/// The innermost step of the pipeline (inside the retry, so a retried attempt starts without the entry): for an
/// <see cref="IAuditedRequest"/> it adds the entry before the handler, lets the handler's save write it with the change,
/// hands it to the group commit of reads (<see cref="AuditReadWriter"/>) and waits until it is committed when the
/// handler wrote nothing (a read, an export, a download), and drops it when the handler fails, so a refused command
/// leaves no trace that it happened.
/// </summary>
public sealed class AuditBehavior<TRequest, TResponse>(HotlineDbContext db, AuditLog audit, AuditReadWriter reads) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not IAuditedRequest audited)
        {
            return await next();
        }

        var entry = audit.Add(audited.AuditAction, audited.AuditSummary, audited.AuditTargetType, audited.AuditTargetId, audited.AuditTicketId);
        entry.CapturesChanges = audited.AuditCapturesChanges;
        TResponse response;
        try
        {
            response = await next();
        }
        catch
        {
            if (db.Entry(entry).State == EntityState.Added)
            {
                db.Entry(entry).State = EntityState.Detached;
            }

            throw;
        }

        if (entry.Id == 0)
        {
            // Not written yet: the handler saved nothing, or cleared its change tracker between batches (an import).
            if (IsRead(entry))
            {
                // Nothing else waits to be saved and no transaction is open: the entry is all there is to write.
                db.Entry(entry).State = EntityState.Detached;
                await reads.WriteAsync(entry, cancellationToken);
                return response;
            }

            if (db.Entry(entry).State == EntityState.Detached)
            {
                db.AuditEntries.Add(entry);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return response;
    }

    private bool IsRead(AuditEntry entry) =>
        db.Database.CurrentTransaction is null
        && db.Entry(entry).State == EntityState.Added
        && db.ChangeTracker.Entries().All(e => ReferenceEquals(e.Entity, entry) || e.State is EntityState.Unchanged or EntityState.Detached);
}
