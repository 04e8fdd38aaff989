namespace Hotline.Core.Features.Tickets.Similarity;

/// <summary>One look-up in the index: the query's shingles, orders created from <see cref="From"/>, the place to rank by.</summary>
public sealed record SimilarityQuery(int[] Shingles, DateTimeOffset From, string? DistrictCode, string? StreetCode, Guid? Exclude, bool OpenOnly, double MinScore, int Take);
