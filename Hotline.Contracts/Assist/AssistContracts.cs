namespace Hotline.Contracts.Assist;

/// <summary>Whether the large-model assist is on here, and with which model (the console hides its buttons when off).</summary>
public sealed record AssistStatusDto(bool Enabled, string? Model);

/// <summary>A demand's text, for the summary and the place suggestions.</summary>
public sealed record AssistTextRequest(string? Content);

/// <summary>A suggested one-line summary (概括); nothing is written to any order.</summary>
public sealed record AssistSummaryDto(string Summary, string Model);

/// <summary>
/// The place the text names, as suggested by the model and checked against the place catalogue: a code that is
/// not in the catalogue (or a street outside the district) is dropped, so every code given is valid.
/// </summary>
public sealed record AssistPlaceDto(string? DistrictCode, string? DistrictName, string? StreetCode, string? StreetName, string? Address, string Model);

public sealed record AssistDraftRequest(Guid? TicketId);

/// <summary>
/// A draft answer (答复草稿) from the most relevant published knowledge article; <c>Draft</c> is null (and no
/// model was asked) when the knowledge search finds no article for the order's text.
/// </summary>
public sealed record AssistDraftDto(string? Draft, Guid? ArticleId, string? ArticleTitle, string? Model);
