using Hotline.Api.Attachments;
using Hotline.Api.Citizens;
using Hotline.Api.Citizens.Open311;
using Hotline.Core.Features.Attachments;
using Hotline.Core.Features.Citizens.AuthenticateOpen311Client;
using Hotline.Core.Features.Citizens.GetOpen311Request;
using Hotline.Core.Features.Citizens.GetOpen311ServiceDefinition;
using Hotline.Core.Features.Citizens.GetOpen311Services;
using Hotline.Core.Features.Citizens.SearchOpen311Requests;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Hotline.Api.Endpoints;

/// <summary>Open311 GeoReport v2 (docs/citizen-channels.md): JSON or XML by the path's extension, the spec's error lists.</summary>
public static class Open311Endpoints
{
    private const string Format = "{format:regex(^(json|xml)$)}";

    public static IEndpointRouteBuilder MapOpen311Endpoints(this IEndpointRouteBuilder app)
    {
        var o = app.MapGroup(Open311Format.BasePath).WithTags("Open311").AllowAnonymous().AddEndpointFilter(Open311Wire.ErrorsFilter);
        o.MapGet($"/discovery.{Format}", (string format, IOptions<Open311Options> options, HttpRequest request) =>
                Open311Format.Result(format, "discovery", Open311Wire.Discovery(options.Value, request)))
            .RequireRateLimiting(CitizenRateLimiting.Reads).WithSummary("Open311 service discovery").Describe();
        o.MapGet($"/services.{Format}", async (string format, IMediator m, CancellationToken ct) =>
                Open311Format.Result(format, "services", Open311Wire.Services(await m.Send(new GetOpen311Services(), ct))))
            .RequireRateLimiting(CitizenRateLimiting.Reads).WithSummary("Open311 service list: the leaf categories (group = parent category)").Describe();
        o.MapGet($"/services/{{service_code}}.{Format}", async (string service_code, string format, IMediator m, CancellationToken ct) =>
                Open311Format.Result(format, "service_definition", Open311Wire.Definition(await m.Send(new GetOpen311ServiceDefinition(service_code), ct))))
            .RequireRateLimiting(CitizenRateLimiting.Reads).WithSummary("Open311 service definition: district, street and the category's extra attributes").Describe();
        o.MapPost($"/requests.{Format}", async (string format, HttpRequest request, IMediator m, IAttachmentStore store, IOptions<AttachmentOptions> limits, CancellationToken ct) =>
            {
                // media files are spooled as they arrive (the api_key may come after them) and deleted when the request ends.
                await using var multipart = MultipartForm.IsMultipart(request) ? await MultipartForm.ReadAsync(request, limits.Value, store.SpoolDirectory, "media", ct) : null;
                var create = await Open311Wire.ReadCreateAsync(request, multipart, ct);
                await m.Send(new AuthenticateOpen311Client(create.ApiKey), ct); // 403 before the pipeline validates the fields
                var created = await m.Send(create, ct);
                return Open311Format.Result(format, "service_requests", Open311Wire.Created(created), created.Replayed ? StatusCodes.Status200OK : StatusCodes.Status201Created);
            })
            .RequireRateLimiting(CitizenRateLimiting.Open311Submissions).AddOpenApiOperationTransformer(Open311Wire.DescribeFormBody)
            .WithSummary("Open311 create request (application/x-www-form-urlencoded or multipart/form-data with up to Attachments:MaxFilesPerOrder media files, checked like agents' uploads: 413 oversize, 400 not an allowed type; other bodies 400; api_key in the form required: 403 otherwise); registers a Registered Open311 order").Describe();
        o.MapGet($"/requests.{Format}", async (string format, [FromQuery(Name = "service_request_id")] string? ids, [FromQuery(Name = "service_code")] string? code,
                [FromQuery(Name = "start_date")] string? start, [FromQuery(Name = "end_date")] string? end, string? status, IMediator m, CancellationToken ct) =>
                Open311Format.Result(format, "service_requests", Open311Wire.Requests(await m.Send(new SearchOpen311Requests(ids, code, start, end, status), ct))))
            .RequireRateLimiting(CitizenRateLimiting.Reads).WithSummary("Open311 search: public-channel orders, at most 90 days and 1000 requests, no personal fields").Describe();
        o.MapGet($"/requests/{{service_request_id}}.{Format}", async (string service_request_id, string format, IMediator m, CancellationToken ct) =>
                Open311Format.Result(format, "service_requests", Open311Wire.Requests([await m.Send(new GetOpen311Request(service_request_id), ct)])))
            .RequireRateLimiting(CitizenRateLimiting.Reads).WithSummary("Open311 one request (a list of one), no personal fields").Describe();
        o.Map("/{**path}", () => Open311Wire.Errors(StatusCodes.Status404NotFound, ["Unknown resource or format (use .xml or .json)."]))
            .ExcludeFromDescription();
        return app;
    }

    private static RouteHandlerBuilder Describe(this RouteHandlerBuilder builder) => builder
        .Produces(StatusCodes.Status200OK, contentType: "text/xml", additionalContentTypes: "application/json")
        .Produces(StatusCodes.Status400BadRequest, contentType: "text/xml", additionalContentTypes: "application/json")
        .Produces(StatusCodes.Status404NotFound, contentType: "text/xml", additionalContentTypes: "application/json");
}
