using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Hotline.Contracts;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Attachments;
using Hotline.Domain.Common;
using Hotline.Core.Features.Reference;
using Hotline.Core.Features.Tickets;
using Hotline.Core.Features.Tickets.RegisterTicket;
using MediatR;
using Microsoft.Extensions.Options;
using static Hotline.Core.Features.Citizens.Open311Fields;

namespace Hotline.Core.Features.Citizens.CreateOpen311Request;

/// <summary>POST requests: the form fields of GeoReport v2, as strings (<see cref="CreateOpen311RequestValidator"/> checks them).</summary>
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
    string? IdempotencyKey) : IRequest<Open311CreateResult>
{
    /// <summary>The files sent as <c>media</c> (GeoReport v2's media extension), spooled by the endpoint, which disposes them.</summary>
    public IReadOnlyList<SpooledFile> Media { get; init; } = [];

    /// <summary>What the submission keeps of the request beyond the order's fields (<c>CitizenSubmission.Attributes</c>).</summary>
    public string StoredAttributes(Open311AttributeCheck attributes) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["attributes"] = attributes.Canonical,
        ["email"] = Clean(Email),
        ["device_id"] = Clean(DeviceId),
        ["account_id"] = Clean(AccountId),
        ["address_id"] = Clean(AddressId),
        ["media_url"] = Clean(MediaUrl),
        ["jurisdiction_id"] = Clean(JurisdictionId),
    });
}

/// <summary>
/// Registers a checked request through <see cref="CitizenIntake"/> as channel Open311. The key is checked here too
/// (403), so no order is ever registered without a valid key, whoever sends the command.
/// </summary>
public sealed class CreateOpen311RequestHandler(
    HotlineDbContext db,
    IValidator<RegisterTicket> validator,
    ReferenceDataCache reference,
    TicketNumberAllocator numbers,
    TimeProvider time,
    IAttachmentStore store,
    IOptions<AttachmentOptions> attachmentOptions)
    : IRequestHandler<CreateOpen311Request, Open311CreateResult>
{
    public async Task<Open311CreateResult> Handle(CreateOpen311Request r, CancellationToken cancellationToken)
    {
        var client = await Open311Authentication.ClientAsync(db, r.ApiKey, cancellationToken);
        var snapshot = await reference.GetAsync(cancellationToken);

        // The validator checked the service and attributes; the reference data can only have changed since (a category removed).
        var definition = Open311Catalogue.Definition(snapshot, Clean(r.ServiceCode))
            ?? throw new ValidationException([new ValidationFailure("service_code", CreateOpen311RequestValidator.UnknownService(r.ServiceCode))]);
        var address = Clean(r.AddressString);
        var values = Open311Attributes.Check(definition, r.Attributes, snapshot, address);
        if (!values.IsValid)
        {
            throw new ValidationException(values.Errors);
        }

        var serviceName = snapshot.CategoriesByCode[definition.ServiceCode].Name;
        var name = Clean(string.Concat(Clean(r.LastName), Clean(r.FirstName)));
        var order = new RegisterTicketRequest(
            Channel.Open311,
            TicketType.Complaint,
            definition.ServiceCode,
            Urgency.Normal,
            new CitizenDto(name, Clean(r.Phone), false),
            new LocationDto(values.District, values.Street, address, CreateOpen311RequestValidator.Coordinate(r.Lat), CreateOpen311RequestValidator.Coordinate(r.Long)),
            Clean(r.Description) ?? $"（Open311 提交未附描述）{serviceName}",
            null);
        var actor = Actor.System($"Open311：{client.Name}");
        var source = new CitizenSource(Channel.Open311, actor, client.Id, client.Name, definition.ServiceCode, r.StoredAttributes(values), RegistrationNote(client.Name, serviceName, values.Summary, Clean(r.MediaUrl)));
        client.MarkUsed(time.GetUtcNow());
        var key = Clean(r.IdempotencyKey) is { } k ? $"open311:{client.Id:N}:{k}" : null;

        await using var media = await AttachmentBatch.PrepareAsync(store, r.Media, attachmentOptions.Value, cancellationToken);
        try
        {
            var result = await CitizenIntake.SubmitAsync(db, validator, numbers, time, order, key, source, cancellationToken, files: media);
            return new Open311CreateResult(result.Number, $"已收到，等待热线受理。查询码 {result.TrackingCode}。", Clean(r.AccountId), result.Replayed);
        }
        catch (ValidationException invalid)
        {
            // The agents' rules speak of the order's fields; name them as the Open311 client sent them.
            throw new ValidationException(invalid.Errors.Select(e => new ValidationFailure(Open311Field(e.PropertyName), e.ErrorMessage)));
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
}
