namespace Hotline.Core.Features.Tickets.Similarity;

/// <summary>What the similarity index keeps of an order: no text, only its shingles (taken from <see cref="Content"/> on the way in).</summary>
public sealed record IndexedOrder(Guid Id, DateTimeOffset CreatedAt, string DistrictCode, string? StreetCode, IndexedOrderState State, string Content);

/// <summary>Open orders and closed ones are found (closed ones marked); a duplicate or an invalid order never is.</summary>
public enum IndexedOrderState : byte { Open, Closed, Excluded }
