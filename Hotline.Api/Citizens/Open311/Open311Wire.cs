using System.Text.RegularExpressions;
using FluentValidation;
using Hotline.Api.Attachments;
using Hotline.Core.Features.Attachments;
using Hotline.Core.Features.Citizens.CreateOpen311Request;
using Hotline.Domain.Common;
using Hotline.Core.Features.Citizens;
using Hotline.Core.Features.Common;

namespace Hotline.Api.Citizens.Open311;

/// <summary>Maps between the GeoReport v2 wire (form fields, element names) and the Core's Open311 features.</summary>
public static partial class Open311Wire
{
    public static object Services(IReadOnlyList<Open311Service> services) => new Open311List("service", services.Select(s => (object?)new Open311Node()
        .Add("service_code", s.ServiceCode)
        .Add("service_name", s.ServiceName)
        .Add("description", s.Description)
        .Add("metadata", s.Metadata)
        .Add("type", s.Type)
        .Add("keywords", s.Keywords)
        .Add("group", s.Group)).ToList());

    public static object Definition(Open311ServiceDefinition definition) => new Open311Node()
        .Add("service_code", definition.ServiceCode)
        .Add("attributes", new Open311List("attribute", definition.Attributes.Select(a => (object?)new Open311Node()
            .Add("variable", a.Variable)
            .Add("code", a.Code)
            .Add("datatype", a.Datatype)
            .Add("required", a.Required)
            .Add("datatype_description", a.DatatypeDescription)
            .Add("order", a.Order)
            .Add("description", a.Description)
            .Add("values", new Open311List("value", a.Values.Select(v => (object?)new Open311Node().Add("key", v.Key).Add("name", v.Name)).ToList()))).ToList()));

    public static object Requests(IEnumerable<Open311RequestView> requests) => new Open311List("request", requests.Select(r => (object?)new Open311Node()
        .Add("service_request_id", r.ServiceRequestId)
        .Add("status", r.Status)
        .Add("status_notes", r.StatusNotes)
        .Add("service_name", r.ServiceName)
        .Add("service_code", r.ServiceCode)
        .Add("description", r.Description)
        .Add("agency_responsible", r.AgencyResponsible)
        .Add("service_notice", r.ServiceNotice)
        .Add("requested_datetime", r.RequestedDatetime)
        .Add("updated_datetime", r.UpdatedDatetime)
        .Add("expected_datetime", r.ExpectedDatetime)
        .Add("address", r.Address)
        .Add("address_id", r.AddressId)
        .Add("zipcode", r.Zipcode)
        .Add("lat", r.Lat)
        .Add("long", r.Long)
        .Add("media_url", r.MediaUrl)).ToList());

    public static object Created(Open311CreateResult created) => new Open311List("request",
    [
        new Open311Node().Add("service_request_id", created.ServiceRequestId).Add("service_notice", created.ServiceNotice).Add("account_id", created.AccountId),
    ]);

    public static object Discovery(Open311Options options, HttpRequest request) => new Open311Node()
        .Add("changeset", options.Changeset)
        .Add("contact", options.Contact)
        .Add("key_service", options.KeyService)
        .Add("endpoints", new Open311List("endpoint",
        [
            new Open311Node()
                .Add("specification", "http://wiki.open311.org/GeoReport_v2")
                .Add("url", string.IsNullOrWhiteSpace(options.PublicBaseUrl)
                    ? $"{request.Scheme}://{request.Host}{request.PathBase}{Open311Format.BasePath}"
                    : $"{options.PublicBaseUrl.Trim().TrimEnd('/')}{Open311Format.BasePath}")
                .Add("changeset", options.Changeset)
                .Add("type", options.EndpointType)
                .Add("formats", new Open311List("format", ["text/xml", "application/json"])),
        ]));

    /// <summary>
    /// Reads POST requests' form (application/x-www-form-urlencoded, or multipart/form-data already read into
    /// <paramref name="multipart"/> with its <c>media</c> files spooled; any other body is a 400, as is a form that
    /// cannot be read). A scalar field sent twice, or an attribute key other than <c>attribute[code]</c> /
    /// <c>attribute[code][]</c>, is refused rather than guessed; <c>api_key</c> is read from the form only, never from
    /// the URL (URLs end up in logs).
    /// </summary>
    public static async Task<CreateOpen311Request> ReadCreateAsync(HttpRequest request, MultipartForm? multipart, CancellationToken ct)
    {
        IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> form;
        if (multipart is not null)
        {
            form = multipart.Fields;
        }
        else if (!request.HasFormContentType)
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("body", "POST requests must be form-encoded (application/x-www-form-urlencoded or multipart/form-data).")]);
        }
        else
        {
            try
            {
                form = await request.ReadFormAsync(ct);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException && !ct.IsCancellationRequested)
            {
                // A body without its closing delimiter, more than 1,024 fields, a key over 2,048 characters.
                throw new ValidationException([new FluentValidation.Results.ValidationFailure("body", "The form body could not be read: " + ex.Message)]);
            }
        }

        var fields = form.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        if (fields.ContainsKey("media"))
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("media", "media must be a file part of a multipart/form-data body (a link goes in media_url).")]);
        }

        string? Field(string name) => fields.TryGetValue(name, out var v) && v.Count > 0 ? v[0] : null;
        var attributes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var refused = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var (key, values) in fields)
        {
            if (AttributeKey().Match(key) is { Success: true } match)
            {
                var list = attributes.TryGetValue(match.Groups[1].Value, out var existing) ? existing : attributes[match.Groups[1].Value] = [];
                list.AddRange(values.Where(v => v is not null).Select(v => v!));
            }
            else if (key.StartsWith("attribute", StringComparison.Ordinal))
            {
                refused.Add(new FluentValidation.Results.ValidationFailure(key, $"{key} is not an attribute field; send attribute[code]=value or attribute[code][]=value."));
            }
            else if (values.Count > 1)
            {
                refused.Add(new FluentValidation.Results.ValidationFailure(key, $"{key} was sent {values.Count} times; send it once."));
            }
        }

        if (refused.Count > 0)
        {
            throw new ValidationException(refused);
        }

        return new CreateOpen311Request(
            Field("api_key"), Field("service_code"), Field("lat"), Field("long"), Field("address_string"), Field("address_id"),
            attributes.ToDictionary(a => a.Key, a => (IReadOnlyList<string>)a.Value, StringComparer.Ordinal),
            Field("description"), Field("email"), Field("device_id"), Field("account_id"), Field("first_name"), Field("last_name"),
            Field("phone"), Field("media_url"), Field("jurisdiction_id") ?? request.Query["jurisdiction_id"].ToString(),
            request.Headers["Idempotency-Key"].ToString() is { Length: > 0 } idempotencyKey ? idempotencyKey.Trim() : null)
        {
            Media = multipart?.Files ?? [],
        };
    }

    /// <summary>
    /// OpenAPI: the POST body is a form, url-encoded or multipart. Described here rather than with
    /// <c>Accepts</c>, whose content-type constraint would route any other body to the 404 catch-all.
    /// </summary>
    public static Task DescribeFormBody(Microsoft.OpenApi.OpenApiOperation operation, Microsoft.AspNetCore.OpenApi.OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var form = new Microsoft.OpenApi.OpenApiMediaType { Schema = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.Object } };
        operation.RequestBody = new Microsoft.OpenApi.OpenApiRequestBody
        {
            Required = true,
            Description = "GeoReport v2 fields: api_key, service_code, lat/long or address_string, attribute[code], description, media_url, …; in a multipart body also media (files)",
            Content = new Dictionary<string, Microsoft.OpenApi.OpenApiMediaType> { ["application/x-www-form-urlencoded"] = form, ["multipart/form-data"] = form },
        };
        return Task.CompletedTask;
    }

    /// <summary>
    /// Turns failures into the spec's error list: 403 bad key, 404 unknown resource, 413 a file or body too large, 400 anything else. This is the
    /// one place besides <c>ProblemDetailsExceptionHandler</c> that maps exceptions, and on purpose: GeoReport v2
    /// prescribes its own error body (a list of <c>code</c> + <c>description</c>, in XML or JSON by the path's
    /// extension), which Open311 clients parse, so these routes cannot answer RFC 9457 ProblemDetails.
    /// </summary>
    public static async ValueTask<object?> ErrorsFilter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (InvalidApiKeyException forbidden)
        {
            return Errors(StatusCodes.Status403Forbidden, [forbidden.Message]);
        }
        catch (NotFoundException notFound)
        {
            return Errors(StatusCodes.Status404NotFound, [notFound.Message]);
        }
        catch (ValidationException invalid)
        {
            var messages = invalid.Errors.Select(e => e.ErrorMessage).Distinct().ToList();
            return Errors(StatusCodes.Status400BadRequest, messages.Count > 0 ? messages : [invalid.Message]);
        }
        catch (Exception ex) when (ex is DomainException or BadHttpRequestException or InvalidDataException or UnsupportedAttachmentException)
        {
            return Errors(ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest, [ex.Message]);
        }
        catch (AttachmentTooLargeException large)
        {
            return Errors(StatusCodes.Status413PayloadTooLarge, [large.Message]);
        }
    }

    public static IResult Errors(int status, IEnumerable<string> descriptions) => new ErrorsResult(status, descriptions.ToList());

    private sealed class ErrorsResult(int status, IReadOnlyList<string> descriptions) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => Open311Format.WriteErrorsAsync(httpContext, status, descriptions, httpContext.RequestAborted);
    }

    [GeneratedRegex(@"^attribute\[([^\[\]]{1,64})\](\[\])?$")]
    private static partial Regex AttributeKey();
}
