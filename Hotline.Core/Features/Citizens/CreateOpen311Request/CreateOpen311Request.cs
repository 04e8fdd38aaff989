using System.Globalization;
using System.Text;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Hotline.Contracts;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Domain.Citizens;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Hotline.Core.Features.Reference;
using Hotline.Core.Features.Tickets;
using Hotline.Core.Features.Tickets.RegisterTicket;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Citizens.CreateOpen311Request;

/// <summary>POST requests: the form fields of GeoReport v2, as strings (they are parsed and checked here).</summary>
public sealed record CreateOpen311Request(
    string? ApiKey,
    string? ServiceCode,
    string? Lat,
    string? Long,
    string? AddressString,
    string? AddressId,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Attributes,
    string? Description,
    string? Email,
    string? DeviceId,
    string? AccountId,
    string? FirstName,
    string? LastName,
    string? Phone,
    string? MediaUrl,
    string? JurisdictionId,
    string? IdempotencyKey) : IRequest<Open311CreateResult>;

/// <summary>
/// Checks the key (403 first, as the spec's error shows), then the service, location and attributes (400 with
/// every problem listed), and registers the order through <see cref="CitizenIntake"/> as channel Open311.
/// </summary>
public sealed class CreateOpen311RequestHandler(HotlineDbContext db, IValidator<RegisterTicket> validator, ReferenceDataCache reference, TicketNumberAllocator numbers, TimeProvider time)
    : IRequestHandler<CreateOpen311Request, Open311CreateResult>
{
    public async Task<Open311CreateResult> Handle(CreateOpen311Request r, CancellationToken cancellationToken)
    {
        var client = await AuthenticateAsync(r.ApiKey, cancellationToken);
        var snapshot = await reference.GetAsync(cancellationToken);
        var errors = new List<ValidationFailure>();
        void Fail(string field, string message) => errors.Add(new ValidationFailure(field, message));

        var definition = Open311Catalogue.Definition(snapshot, Clean(r.ServiceCode));
        if (definition is null)
        {
            Fail("service_code", Clean(r.ServiceCode) is null ? "service_code is required." : $"service_code '{r.ServiceCode}' is not a known service (see services.xml).");
        }

        var lat = ParseCoordinate(r.Lat, "lat", 90, Fail);
        var lon = ParseCoordinate(r.Long, "long", 180, Fail);
        var latSent = Clean(r.Lat) is not null;
        var address = Clean(r.AddressString);
        if (latSent != (Clean(r.Long) is not null))
        {
            Fail("lat", "lat and long must be sent together.");
        }
        else if (!latSent && address is null)
        {
            Fail("location", Clean(r.AddressId) is null
                ? "A location is required: lat and long, or address_string."
                : "address_id is not supported by this endpoint: send lat and long, or address_string.");
        }

        Limit(address, 500, "address_string", Fail);
        Limit(r.Description, Ticket.MaxContentLength, "description", Fail);
        Limit(r.Email, 254, "email", Fail);
        Limit(r.DeviceId, 100, "device_id", Fail);
        Limit(r.AccountId, 100, "account_id", Fail);
        Limit(r.AddressId, 100, "address_id", Fail);
        Limit(r.MediaUrl, 500, "media_url", Fail);
        if (Clean(r.MediaUrl) is { } media && !(Uri.TryCreate(media, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            Fail("media_url", "media_url must be an absolute http or https URL.");
        }

        if (r.IdempotencyKey is { Length: > CitizenIntake.MaxIdempotencyKeyLength })
        {
            Fail("Idempotency-Key", $"Idempotency-Key must be at most {CitizenIntake.MaxIdempotencyKeyLength} characters.");
        }

        var values = definition is null ? null : CheckAttributes(definition, r.Attributes, snapshot, address, Fail);
        if (errors.Count > 0 || definition is null || values is null)
        {
            throw new ValidationException(errors);
        }

        var serviceName = snapshot.CategoriesByCode[definition.ServiceCode].Name;
        var districtCode = values.District;
        var name = Clean(string.Concat(Clean(r.LastName), Clean(r.FirstName)));
        var description = Clean(r.Description);
        var order = new RegisterTicketRequest(
            Channel.Open311,
            TicketType.Complaint,
            definition.ServiceCode,
            Urgency.Normal,
            new CitizenDto(name, Clean(r.Phone), false),
            new LocationDto(districtCode, values.Street, address, lat, lon),
            description ?? $"（Open311 提交未附描述）{serviceName}",
            null);
        var extras = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["attributes"] = values.Canonical,
            ["email"] = Clean(r.Email),
            ["device_id"] = Clean(r.DeviceId),
            ["account_id"] = Clean(r.AccountId),
            ["address_id"] = Clean(r.AddressId),
            ["media_url"] = Clean(r.MediaUrl),
            ["jurisdiction_id"] = Clean(r.JurisdictionId),
        });
        if (extras.Length > CitizenSubmission.MaxAttributesLength)
        {
            throw new ValidationException([new ValidationFailure("attribute", "The attributes are too long.")]);
        }

        var actor = Actor.System($"Open311：{client.Name}");
        var source = new CitizenSource(Channel.Open311, actor, client.Id, client.Name, definition.ServiceCode, extras, RegistrationNote(client.Name, serviceName, values.Summary, Clean(r.MediaUrl)));
        client.MarkUsed(time.GetUtcNow());
        var key = Clean(r.IdempotencyKey) is { } k ? $"open311:{client.Id:N}:{k}" : null;

        try
        {
            var result = await CitizenIntake.SubmitAsync(db, validator, numbers, time, order, key, source, cancellationToken);
            return new Open311CreateResult(result.Number, $"已收到，等待热线受理。查询码 {result.TrackingCode}。", Clean(r.AccountId), result.Replayed);
        }
        catch (ValidationException invalid)
        {
            // The agents' rules speak of the order's fields; name them as the Open311 client sent them.
            throw new ValidationException(invalid.Errors.Select(e => new ValidationFailure(Open311Field(e.PropertyName), e.ErrorMessage)));
        }
    }

    private async Task<Open311Client> AuthenticateAsync(string? apiKey, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(apiKey) || apiKey.Length > 200)
        {
            throw new InvalidApiKeyException();
        }

        var hash = Open311Client.Hash(apiKey.Trim());
        var client = await db.Open311Clients.FirstOrDefaultAsync(c => c.KeyHash == hash, ct);
        return client is { IsActive: true } ? client : throw new InvalidApiKeyException();
    }

    /// <summary><see cref="Canonical"/>: sorted by code, values trimmed, numbers parsed, lists sorted, so a retry with reordered fields has the same fingerprint.</summary>
    private sealed record CheckedAttributes(string District, string? Street, string Summary, SortedDictionary<string, IReadOnlyList<string>> Canonical);

    private static CheckedAttributes? CheckAttributes(
        Open311ServiceDefinition definition,
        IReadOnlyDictionary<string, IReadOnlyList<string>> sent,
        ReferenceSnapshot snapshot,
        string? address,
        Action<string, string> fail)
    {
        var byCode = definition.Attributes.ToDictionary(a => a.Code, StringComparer.Ordinal);
        foreach (var code in sent.Keys.Where(c => !byCode.ContainsKey(c)))
        {
            fail($"attribute[{code}]", $"attribute[{code}] is not defined for service {definition.ServiceCode}.");
        }

        var summary = new StringBuilder();
        var canonical = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var attribute in definition.Attributes)
        {
            var values = sent.TryGetValue(attribute.Code, out var v) ? v.Select(x => x.Trim()).Where(x => x.Length > 0).ToList() : [];
            var field = $"attribute[{attribute.Code}]";
            if (values.Count == 0)
            {
                if (attribute.Required && attribute.Code != Open311Catalogue.DistrictAttribute)
                {
                    fail(field, $"{field} is required ({attribute.Description}).");
                }

                continue;
            }

            if (attribute.Datatype != "multivaluelist" && values.Count > 1)
            {
                fail(field, $"{field} takes one value.");
                continue;
            }

            var valid = attribute.Datatype switch
            {
                "singlevaluelist" or "multivaluelist" => values.All(x => attribute.Values.Any(a => a.Key == x)),
                "number" => values.All(x => double.TryParse(x, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n)),
                "datetime" => values.All(x => DateTimeOffset.TryParse(x, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)),
                _ => values.All(x => x.Length <= Open311Catalogue.MaxStringAttributeLength),
            };
            if (!valid)
            {
                fail(field, $"{field} has a value that is not valid for datatype {attribute.Datatype}.");
                continue;
            }

            canonical[attribute.Code] = attribute.Datatype switch
            {
                "number" => values.Select(x => double.Parse(x, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)).ToList(),
                "multivaluelist" => values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
                _ => values,
            };
            if (attribute.Code is not (Open311Catalogue.DistrictAttribute or Open311Catalogue.StreetAttribute))
            {
                var shown = values.Select(x => attribute.Values.FirstOrDefault(a => a.Key == x)?.Name ?? x);
                summary.Append('；').Append(attribute.Description).Append('：').Append(string.Join('、', shown));
            }
        }

        var district = Single(sent, Open311Catalogue.DistrictAttribute);
        if (district is null && address is not null)
        {
            // Jurisdiction by address: the one district whose name the address mentions.
            var named = snapshot.Districts.Where(d => address.Contains(d.Name, StringComparison.Ordinal)).ToList();
            district = named.Count == 1 ? named[0].Code : null;
        }

        if (district is null)
        {
            fail($"attribute[{Open311Catalogue.DistrictAttribute}]",
                $"attribute[{Open311Catalogue.DistrictAttribute}] is required (a district code: {string.Join(", ", snapshot.Districts.Select(d => d.Code))}) unless address_string names exactly one district.");
            return null;
        }

        var street = Single(sent, Open311Catalogue.StreetAttribute);
        if (street is not null && snapshot.StreetsByCode.TryGetValue(street, out var s) && s.DistrictCode != district)
        {
            fail($"attribute[{Open311Catalogue.StreetAttribute}]", $"attribute[{Open311Catalogue.StreetAttribute}] '{street}' is not in district '{district}'.");
        }

        return new CheckedAttributes(district, street, summary.ToString(), canonical);
    }

    private static string? Single(IReadOnlyDictionary<string, IReadOnlyList<string>> sent, string code) =>
        sent.TryGetValue(code, out var v) ? v.Select(x => x.Trim()).FirstOrDefault(x => x.Length > 0) : null;

    private static double? ParseCoordinate(string? value, string field, double bound, Action<string, string> fail)
    {
        if (Clean(value) is not { } text)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && Math.Abs(number) <= bound)
        {
            return number;
        }

        fail(field, $"{field} must be a WGS84 decimal degree between -{bound} and {bound}.");
        return null;
    }

    private static void Limit(string? value, int max, string field, Action<string, string> fail)
    {
        if (value is not null && value.Trim().Length > max)
        {
            fail(field, $"{field} must be at most {max} characters.");
        }
    }

    private static string RegistrationNote(string client, string service, string attributes, string? mediaUrl) =>
        $"Open311 客户端「{client}」提交，服务：{service}{attributes}{(mediaUrl is null ? string.Empty : "；图片：" + mediaUrl)}";

    private static string Open311Field(string property) => property switch
    {
        "citizen.name" => "first_name/last_name",
        "citizen.phone" => "phone",
        "content" => "description",
        "categoryCode" => "service_code",
        "location.districtCode" => "attribute[district]",
        "location.streetCode" => "attribute[street]",
        "location.address" => "address_string",
        "location.latitude" => "lat",
        "location.longitude" => "long",
        _ => property,
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
