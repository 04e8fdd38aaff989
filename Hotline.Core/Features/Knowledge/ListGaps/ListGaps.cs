using Hotline.Contracts.Knowledge;
using Hotline.Core.Data;
using Hotline.Domain.Knowledge;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Knowledge.ListGaps;

/// <summary>
/// 知识缺口: what people searched for in the last <see cref="KnowledgeOptions.GapDays"/> days and found nothing,
/// or found results nobody opened; most asked first. Searches are grouped by their normalized text.
/// </summary>
public sealed record ListGaps(int Top) : IRequest<IReadOnlyList<KnowledgeGapDto>>;

public sealed class ListGapsHandler(HotlineDbContext db, TimeProvider time, IOptions<KnowledgeOptions> options) : IRequestHandler<ListGaps, IReadOnlyList<KnowledgeGapDto>>
{
    public async Task<IReadOnlyList<KnowledgeGapDto>> Handle(ListGaps request, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow().AddDays(-options.Value.GapDays);
        var groups = await db.Set<KnowledgeSearch>().AsNoTracking()
            .Where(s => s.At >= since)
            .GroupBy(s => s.Query)
            .Select(g => new
            {
                Query = g.Key,
                Searches = g.Count(),
                NoResult = g.Count(s => s.Results == 0),
                Opened = g.Count(s => s.OpenedArticleId != null),
                NotOpened = g.Count(s => s.Results > 0 && s.OpenedArticleId == null),
            })
            .Where(g => g.NoResult > 0 || g.Opened == 0)
            .OrderByDescending(g => g.Searches).ThenBy(g => g.Query)
            .Take(Math.Clamp(request.Top, 1, 500))
            .ToListAsync(cancellationToken);
        var queries = groups.Select(g => g.Query).ToList();
        var last = (await db.Set<KnowledgeSearch>().AsNoTracking().Where(s => s.At >= since && queries.Contains(s.Query))
                .Select(s => new { s.Query, s.At }).ToListAsync(cancellationToken))
            .GroupBy(s => s.Query).ToDictionary(g => g.Key, g => g.Max(s => s.At), StringComparer.Ordinal);
        return groups.Select(g => new KnowledgeGapDto(g.Query, g.Searches, g.NoResult, g.NotOpened, last[g.Query])).ToList();
    }
}
