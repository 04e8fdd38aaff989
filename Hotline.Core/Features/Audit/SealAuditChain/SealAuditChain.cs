using Hotline.Core.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Audit.SealAuditChain;

/// <summary>
/// Gives the entries written since the last run their place in the hash chain, in the order of their ids, in batches.
/// Audited transactions never wait for the chain: they only append; the chain is built here, after they committed,
/// so an entry whose transaction commits late simply takes a later place. Several job hosts may run this at once: each
/// batch moves the head row under an optimistic check, and the one that loses the race leaves the batch to the winner.
/// Answers how many entries were sealed.
/// </summary>
public sealed record SealAuditChain : IRequest<int>
{
    public const int BatchSize = 500;
}

public sealed class SealAuditChainHandler(HotlineDbContext db) : IRequestHandler<SealAuditChain, int>
{
    public async Task<int> Handle(SealAuditChain request, CancellationToken cancellationToken)
    {
        var sealedCount = 0;
        while (true)
        {
            db.ChangeTracker.Clear();
            var head = await db.AuditChainHeads.SingleAsync(h => h.Id == 1, cancellationToken);
            var batch = await db.AuditEntries.Where(e => e.ChainIndex == null).OrderBy(e => e.Id).Take(SealAuditChain.BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return sealedCount;
            }

            var (index, hash) = (head.LastIndex, head.LastHash);
            foreach (var entry in batch)
            {
                entry.ChainIndex = ++index;
                entry.Hash = hash = AuditChain.HashOf(hash, entry);
            }

            head.LastIndex = index;
            head.LastHash = hash;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another sealer moved the head (or took these indexes) first; its run seals what is left.
                db.ChangeTracker.Clear();
                return sealedCount;
            }

            sealedCount += batch.Count;
        }
    }
}
