
namespace Hotline.Core.Features.Citizens;

/// <summary>One request as Open311 GETs return it: progress and place, never a personal field.</summary>
public sealed record Open311RequestView(
    string ServiceRequestId,
    string Status,
    string? StatusNotes,
    string ServiceName,
    string ServiceCode,
    string? Description,
    string? AgencyResponsible,
    string? ServiceNotice,
    DateTimeOffset RequestedDatetime,
    DateTimeOffset UpdatedDatetime,
    DateTimeOffset? ExpectedDatetime,
    string? Address,
    string? AddressId,
    string? Zipcode,
    double? Lat,
    double? Long,
    string? MediaUrl);
