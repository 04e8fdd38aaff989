namespace Hotline.Domain.Tickets;

/// <summary>Where the demand is: a district, when known a street, a free address and optional WGS84 coordinates.</summary>
public sealed record TicketLocation(string DistrictCode, string? StreetCode, string? Address, double? Latitude, double? Longitude);
