using FluentValidation;
using Hotline.Contracts;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Tickets.Similarity;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Tickets.FindSimilarClusters;

/// <summary>
/// 相似诉求聚类 for supervisors: the open orders registered in the last <see cref="Days"/> days that say the same
/// thing, grouped, largest group first, to merge (重复件) or to treat as one hot spot. Read from the database (the
/// window's open orders), scored with the index's weights.
/// </summary>
public sealed record FindSimilarClusters(int? Days) : IRequest<SimilarClustersResult>;

public sealed class FindSimilarClustersValidator : AbstractValidator<FindSimilarClusters>
{
    public FindSimilarClustersValidator(IOptions<SimilarityOptions> options) =>
        RuleFor(x => x.Days).InclusiveBetween(1, options.Value.MaxClusterDays).When(x => x.Days is not null)
            .WithMessage($"days 须在 1 到 {options.Value.MaxClusterDays} 之间。").OverridePropertyName("days");
}

public sealed class FindSimilarClustersHandler(HotlineDbContext db, TicketSimilarityIndex index, TicketSimilarityIndexSync sync, ICurrentUser currentUser, IOptions<SimilarityOptions> options, TimeProvider time)
    : IRequestHandler<FindSimilarClusters, SimilarClustersResult>
{
    public const int DefaultDays = 7;
    public const int MaxClusters = 100;

    public async Task<SimilarClustersResult> Handle(FindSimilarClusters request, CancellationToken cancellationToken)
    {
        await sync.WaitReadyAsync(cancellationToken);
        var started = time.GetTimestamp();
        var (days, max, threshold) = (request.Days ?? DefaultDays, options.Value.MaxClusterOrders, options.Value.ClusterMinScore);
        var from = time.GetUtcNow().AddDays(-days);
        var rows = await db.Tickets.AsNoTracking().VisibleTo(currentUser.Actor)
            .Where(t => t.Status != TicketStatus.Closed && t.CreatedAt >= from)
            .OrderByDescending(t => t.CreatedAt)
            .Take(max + 1)
            .Select(t => new { t.Id, t.Number, t.Status, t.CategoryCode, t.Location.DistrictCode, t.Location.StreetCode, t.Location.Address, t.Content, t.CreatedAt })
            .ToListAsync(cancellationToken);
        var truncated = rows.Count > max;
        if (truncated)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        rows.Reverse(); // oldest first: a cluster's first order is its original
        var texts = rows.Select(r => DemandShingles.Of(r.Content)).ToList();
        var weights = index.Weights(texts.SelectMany(t => t));
        double Weight(int s) => weights[s];
        var clusters = SimilarityClusterer.Cluster(texts, Weight, threshold)
            .Select(members =>
            {
                var original = members[0];
                var orders = members.Select(m => rows[m]).ToList();
                return new SimilarClusterDto(
                    rows[original].Id,
                    members.Count,
                    orders.Select(o => o.DistrictCode).Distinct().Order(StringComparer.Ordinal).ToList(),
                    orders.Select(o => o.StreetCode).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList(),
                    orders.Select(o => o.CategoryCode).Distinct().Order(StringComparer.Ordinal).ToList(),
                    members.Select(m => new SimilarClusterOrderDto(
                        rows[m].Id, rows[m].Number, rows[m].Status, rows[m].CategoryCode, rows[m].DistrictCode, rows[m].StreetCode, rows[m].Address,
                        SimilarTicketReader.Excerpt(rows[m].Content), rows[m].CreatedAt,
                        m == original ? 1.0 : Math.Round(DemandSimilarity.Score(texts[original], texts[m], Weight), 3))).ToList());
            })
            .OrderByDescending(c => c.Size)
            .ThenByDescending(c => c.Orders[^1].CreatedAt)
            .Take(MaxClusters)
            .ToList();
        return new SimilarClustersResult(clusters, days, threshold, rows.Count, truncated, Math.Round(time.GetElapsedTime(started).TotalMilliseconds, 2));
    }
}
