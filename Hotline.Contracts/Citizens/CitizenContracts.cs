using Hotline.Contracts.Reference;
using Hotline.Contracts.Tickets;

namespace Hotline.Contracts.Citizens;

/// <summary>
/// What a citizen sends from the public form (<c>POST /api/public/submissions</c>). Without <c>type</c> the
/// order is a complaint (投诉); channel, urgency and the registering actor are set by the centre.
/// </summary>
public sealed record PublicSubmissionRequest(
    TicketType? Type,
    string? CategoryCode,
    CitizenDto? Citizen,
    LocationDto? Location,
    string? Content);

/// <summary>The answer to a submission: the order number and the code to track it with.</summary>
public sealed record PublicSubmissionReceipt(string Number, string TrackingCode);

/// <summary>
/// What anyone holding the tracking code may read: the progress and the public answer, never who submitted
/// it, the phone, the address or the text.
/// </summary>
public sealed record PublicSubmissionStatus(
    string Number,
    TicketStatus Status,
    string StatusText,
    Channel Channel,
    string CategoryName,
    string DistrictName,
    string? HandlingUnitName,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt,
    string? Answer);

/// <summary><c>POST /api/admin/open311-keys</c>: the name of the client system the key is for.</summary>
public sealed record CreateOpen311KeyRequest(string? Name);

/// <summary>The new key, shown this once; only its SHA-256 hash is stored.</summary>
public sealed record Open311KeyCreated(Guid Id, string Name, string ApiKey, string KeyPrefix, DateTimeOffset CreatedAt);

public sealed record Open311KeyDto(Guid Id, string Name, string KeyPrefix, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

/// <summary>What the public form offers: the category catalogue and the districts with their streets.</summary>
public sealed record PublicCatalogue(IReadOnlyList<CategoryDto> Categories, IReadOnlyList<RegionDto> Regions);
