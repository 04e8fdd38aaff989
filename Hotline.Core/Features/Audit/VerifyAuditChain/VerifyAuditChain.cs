using Hotline.Contracts.Audit;
using Hotline.Core.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Audit.VerifyAuditChain;

/// <summary>
/// <c>GET /api/admin/audit/verify</c>: walks the sealed entries in chain order, recomputing every hash, and reports the
/// first entry that was edited, the first index that is missing (a deleted row) or a head that does not name the last
/// entry (a deleted tail). Reads only; the entries not yet sealed are counted as pending.
/// </summary>
public sealed record VerifyAuditChain : IRequest<AuditVerificationDto>;

public sealed class VerifyAuditChainHandler(HotlineDbContext db) : IRequestHandler<VerifyAuditChain, AuditVerificationDto>
{
    public async Task<AuditVerificationDto> Handle(VerifyAuditChain request, CancellationToken cancellationToken)
    {
        var head = await db.AuditChainHeads.AsNoTracking().SingleAsync(h => h.Id == 1, cancellationToken);
        var pending = await db.AuditEntries.LongCountAsync(e => e.ChainIndex == null, cancellationToken);
        var (expected, previous) = (1L, AuditChainHead.Genesis);
        AuditChainProblem? problem = null;
        await foreach (var entry in db.AuditEntries.AsNoTracking().Where(e => e.ChainIndex != null).OrderBy(e => e.ChainIndex).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (entry.ChainIndex != expected)
            {
                problem = new AuditChainProblem(expected, null, $"缺少链上第 {expected} 条记录（已被删除）。");
                break;
            }

            if (AuditChain.HashOf(previous, entry) != entry.Hash)
            {
                problem = new AuditChainProblem(expected, entry.Id, $"链上第 {expected} 条记录（编号 {entry.Id}）与其哈希不符（已被修改）。");
                break;
            }

            previous = entry.Hash!;
            expected++;
        }

        var sealedCount = expected - 1;
        if (problem is null && (head.LastIndex != sealedCount || head.LastHash != previous))
        {
            problem = head.LastIndex > sealedCount
                ? new AuditChainProblem(sealedCount + 1, null, $"链尾记到第 {head.LastIndex} 条，库中只有 {sealedCount} 条（末尾记录被删除）。")
                : new AuditChainProblem(head.LastIndex, null, "链尾的哈希与最后一条记录不符。");
        }

        return new AuditVerificationDto(problem is null, sealedCount, pending, head.LastIndex, head.LastHash, problem);
    }
}
