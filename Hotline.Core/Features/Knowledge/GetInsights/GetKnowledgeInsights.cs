using Hotline.Contracts.Knowledge;
using Hotline.Core.Data;
using Hotline.Domain.Knowledge;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Knowledge.GetInsights;

/// <summary>
/// The searches of the last <see cref="KnowledgeOptions.GapDays"/> days, staff and public apart: how many found
/// nothing, how many had a result opened, and on the public form how many citizens then left without submitting
/// (分流, deflection).
/// </summary>
public sealed record GetKnowledgeInsights : IRequest<KnowledgeInsightsDto>;

public sealed class GetKnowledgeInsightsHandler(HotlineDbContext db, TimeProvider time, IOptions<KnowledgeOptions> options) : IRequestHandler<GetKnowledgeInsights, KnowledgeInsightsDto>
{
    public async Task<KnowledgeInsightsDto> Handle(GetKnowledgeInsights request, CancellationToken cancellationToken)
    {
        var days = options.Value.GapDays;
        var since = time.GetUtcNow().AddDays(-days);
        var sides = await db.Set<KnowledgeSearch>().AsNoTracking()
            .Where(s => s.At >= since)
            .GroupBy(s => s.IsPublic)
            .Select(g => new
            {
                IsPublic = g.Key,
                Searches = g.Count(),
                WithoutResult = g.Count(s => s.Results == 0),
                Opened = g.Count(s => s.OpenedArticleId != null),
                Deflected = g.Count(s => s.DeflectedAt != null),
            })
            .ToListAsync(cancellationToken);

        KnowledgeFunnelDto Side(bool isPublic) => sides.FirstOrDefault(s => s.IsPublic == isPublic) is { } s
            ? new KnowledgeFunnelDto(s.Searches, s.WithoutResult, s.Opened, s.Deflected)
            : new KnowledgeFunnelDto(0, 0, 0, 0);

        return new KnowledgeInsightsDto(days, Side(false), Side(true));
    }
}
