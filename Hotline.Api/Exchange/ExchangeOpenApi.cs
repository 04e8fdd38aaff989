using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Hotline.Api.Exchange;

/// <summary>
/// The OpenAPI description of the peer endpoints, whose body is read by hand (it is signed): its schema and an
/// example, the two headers, and examples for the staff endpoints of the exchange.
/// </summary>
public static class ExchangeOpenApi
{
    /// <summary>The body of type <typeparamref name="T"/> with <paramref name="example"/>, and the peer's two headers.</summary>
    public static Func<OpenApiOperation, OpenApiOperationTransformerContext, CancellationToken, Task> PeerBody<T>(object example) => async (operation, context, ct) =>
    {
        var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, ct);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "Signed with the peer's shared secret: Hotline-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, \"t.\" + body)>.",
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema, Example = Node(context, example) } },
        };
        operation.Parameters ??= [];
        operation.Parameters.Add(Header(Core.Features.Exchange.PeerDispatcher.PeerHeader, "The link's key, as configured on both sides (e.g. jing-jin-ji)."));
        operation.Parameters.Add(Header(Core.Features.Webhooks.WebhookSignature.Header, "t=1764758400,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd"));
        operation.Security = [];
    };

    /// <summary>An example for a JSON request body bound by the framework.</summary>
    public static Func<OpenApiOperation, OpenApiOperationTransformerContext, CancellationToken, Task> Example(object example) => (operation, context, ct) =>
    {
        if (operation.RequestBody?.Content is { } content && content.TryGetValue("application/json", out var media) && media is OpenApiMediaType json)
        {
            json.Example = Node(context, example);
        }

        return Task.CompletedTask;
    };

    private static JsonNode? Node(OpenApiOperationTransformerContext context, object example)
    {
        var options = context.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        return JsonSerializer.SerializeToNode(example, example.GetType(), options);
    }

    private static OpenApiParameter Header(string name, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = true,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };
}
