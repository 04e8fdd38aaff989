namespace Hotline.Contracts.Tickets;

/// <summary>How near a similar order is to the place asked about: same street, same district, elsewhere (or no place given).</summary>
public enum SimilarPlace { SameStreet, SameDistrict, Elsewhere }

/// <summary>
/// 相似诉求: an order whose text says the same thing. <c>Score</c> is the cosine of the two texts' character
/// bigrams weighted by rarity (0–1); <c>Closed</c> marks a recently closed order (shown for reference, not to merge).
/// </summary>
public sealed record SimilarTicketDto(
    Guid Id,
    string Number,
    TicketStatus Status,
    bool Closed,
    CloseReason? CloseReason,
    double Score,
    SimilarPlace Place,
    string CategoryCode,
    string CategoryName,
    string DistrictCode,
    string DistrictName,
    string? StreetCode,
    string? StreetName,
    string? Address,
    string Excerpt,
    DateTimeOffset CreatedAt);

/// <summary>Up to five similar orders, nearer places first, then the higher score.</summary>
public sealed record SimilarTicketsResult(IReadOnlyList<SimilarTicketDto> Items, int Days, double MinScore, double TookMs);

/// <summary>One order of a cluster of similar open orders.</summary>
public sealed record SimilarClusterOrderDto(
    Guid Id,
    string Number,
    TicketStatus Status,
    string CategoryCode,
    string DistrictCode,
    string? StreetCode,
    string? Address,
    string Excerpt,
    DateTimeOffset CreatedAt,
    double Score);

/// <summary>
/// Similar open orders to merge into one or to treat as one hot spot. <c>OriginalId</c> is the earliest order (the
/// natural original of a merge); each order's <c>Score</c> is its similarity to that original.
/// </summary>
public sealed record SimilarClusterDto(
    Guid OriginalId,
    int Size,
    IReadOnlyList<string> DistrictCodes,
    IReadOnlyList<string> StreetCodes,
    IReadOnlyList<string> CategoryCodes,
    IReadOnlyList<SimilarClusterOrderDto> Orders);

/// <summary>The clusters among the open orders registered in the last <c>Days</c> days, largest first.</summary>
public sealed record SimilarClustersResult(IReadOnlyList<SimilarClusterDto> Clusters, int Days, double MinScore, int OpenOrders, bool Truncated, double TookMs);
