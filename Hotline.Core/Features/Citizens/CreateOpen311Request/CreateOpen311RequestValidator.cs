using System.Globalization;
using System.Linq.Expressions;
using FluentValidation;
using Hotline.Domain.Citizens;
using Hotline.Domain.Tickets;
using Hotline.Core.Features.Reference;
using static Hotline.Core.Features.Citizens.Open311Fields;

namespace Hotline.Core.Features.Citizens.CreateOpen311Request;

/// <summary>
/// The GeoReport v2 field rules of a create request, every problem listed (the spec's 400 error list): a known
/// service, a location (lat and long together, or an address), lengths, an http(s) media URL, and the attributes
/// of the service (<see cref="Open311Attributes"/>). The order's own rules follow in <see cref="CitizenIntake"/>.
/// </summary>
public sealed class CreateOpen311RequestValidator : AbstractValidator<CreateOpen311Request>
{
    public CreateOpen311RequestValidator(ReferenceDataCache reference)
    {
        RuleFor(x => x.ServiceCode).Cascade(CascadeMode.Stop)
            .Must(code => Clean(code) is not null).WithMessage("service_code is required.")
            .MustAsync(async (code, ct) => Open311Catalogue.Definition(await reference.GetAsync(ct), Clean(code)) is not null)
            .WithMessage(x => UnknownService(x.ServiceCode))
            .OverridePropertyName("service_code");
        RuleFor(x => x.Lat).Must(lat => IsCoordinate(lat, 90)).OverridePropertyName("lat")
            .WithMessage("lat must be a WGS84 decimal degree between -90 and 90.");
        RuleFor(x => x.Long).Must(lon => IsCoordinate(lon, 180)).OverridePropertyName("long")
            .WithMessage("long must be a WGS84 decimal degree between -180 and 180.");
        RuleFor(x => x.Lat).Must((x, lat) => (Clean(lat) is null) == (Clean(x.Long) is null)).OverridePropertyName("lat")
            .WithMessage("lat and long must be sent together.");
        RuleFor(x => x.AddressString).Must(address => Clean(address) is not null)
            .When(x => Clean(x.Lat) is null && Clean(x.Long) is null).OverridePropertyName("location")
            .WithMessage(x => Clean(x.AddressId) is null
                ? "A location is required: lat and long, or address_string."
                : "address_id is not supported by this endpoint: send lat and long, or address_string.");

        AtMost(x => x.AddressString, 500, "address_string");
        AtMost(x => x.Description, Ticket.MaxContentLength, "description");
        AtMost(x => x.Email, 254, "email");
        AtMost(x => x.DeviceId, 100, "device_id");
        AtMost(x => x.AccountId, 100, "account_id");
        AtMost(x => x.AddressId, 100, "address_id");
        AtMost(x => x.MediaUrl, 500, "media_url");
        RuleFor(x => x.MediaUrl)
            .Must(media => Clean(media) is not { } url || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            .OverridePropertyName("media_url").WithMessage("media_url must be an absolute http or https URL.");
        RuleFor(x => x.IdempotencyKey).MaximumLength(CitizenIntake.MaxIdempotencyKeyLength).OverridePropertyName("Idempotency-Key")
            .WithMessage($"Idempotency-Key must be at most {CitizenIntake.MaxIdempotencyKeyLength} characters.");

        RuleFor(x => x.Attributes).CustomAsync(async (sent, context, ct) =>
        {
            var request = context.InstanceToValidate;
            var snapshot = await reference.GetAsync(ct);
            if (Open311Catalogue.Definition(snapshot, Clean(request.ServiceCode)) is not { } definition)
            {
                return;
            }

            var check = Open311Attributes.Check(definition, sent, snapshot, Clean(request.AddressString));
            foreach (var error in check.Errors)
            {
                context.AddFailure(error);
            }

            if (check.IsValid && request.StoredAttributes(check).Length > CitizenSubmission.MaxAttributesLength)
            {
                context.AddFailure("attribute", "The attributes are too long.");
            }
        });
    }

    internal static string UnknownService(string? serviceCode) => $"service_code '{serviceCode}' is not a known service (see services.xml).";

    /// <summary>A WGS84 decimal degree as sent; null when not sent or not a number.</summary>
    internal static double? Coordinate(string? value) =>
        Clean(value) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static bool IsCoordinate(string? value, double bound) => Clean(value) is null || (Coordinate(value) is { } number && Math.Abs(number) <= bound);

    private void AtMost(Expression<Func<CreateOpen311Request, string?>> field, int max, string name) =>
        RuleFor(field).Must(value => value is null || value.Trim().Length <= max).OverridePropertyName(name).WithMessage($"{name} must be at most {max} characters.");
}
