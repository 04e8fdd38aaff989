using System.Text.Json.Nodes;

namespace Hotline.IntegrationTests.Fuzz;

/// <summary>One operation of the OpenAPI document: its route template, parameters and request body.</summary>
internal sealed record FuzzOperation(string Method, string Path, IReadOnlyList<FuzzParameter> Parameters, IReadOnlyList<string> ContentTypes, JsonNode? BodySchema)
{
    public bool Writes => Method is "POST" or "PUT" or "PATCH";

    public override string ToString() => $"{Method} {Path}";
}

internal sealed record FuzzParameter(string Name, string In, JsonNode? Schema);

/// <summary>Reads the operations of <c>/openapi/v1.json</c> and resolves <c>$ref</c>s against its components.</summary>
internal sealed class OpenApiOperations(JsonNode document)
{
    private static readonly string[] Methods = ["get", "post", "put", "patch"];

    public IReadOnlyList<FuzzOperation> All { get; } = Read(document);

    /// <summary>The schema behind a <c>$ref</c> (and behind a <c>oneOf</c> of null and one schema), or the schema itself.</summary>
    public JsonNode? Resolve(JsonNode? schema)
    {
        for (var depth = 0; schema is JsonObject o && depth < 10; depth++)
        {
            if (o["$ref"]?.GetValue<string>() is { } reference)
            {
                schema = document["components"]!["schemas"]![reference.Split('/')[^1]];
                continue;
            }

            if (o["oneOf"] is JsonArray oneOf && oneOf.FirstOrDefault(s => s?["type"]?.ToString() != "null") is { } first)
            {
                schema = first;
                continue;
            }

            break;
        }

        return schema;
    }

    /// <summary>The schema's types without "null" (OpenAPI 3.1 writes nullable as a type array).</summary>
    public static IReadOnlyList<string> TypesOf(JsonNode? schema) => schema?["type"] switch
    {
        JsonArray types => types.Select(t => t!.GetValue<string>()).Where(t => t != "null").ToList(),
        JsonValue type => [type.GetValue<string>()],
        _ => [],
    };

    private static List<FuzzOperation> Read(JsonNode document)
    {
        var operations = new List<FuzzOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var method in Methods)
            {
                if (item?[method] is not JsonObject operation)
                {
                    continue;
                }

                var parameters = (operation["parameters"] as JsonArray ?? [])
                    .Select(p => new FuzzParameter(p!["name"]!.GetValue<string>(), p["in"]!.GetValue<string>(), p["schema"]))
                    .ToList();
                var content = operation["requestBody"]?["content"] as JsonObject;
                var contentTypes = content?.Select(c => c.Key).ToList() ?? [];
                var schema = content?.FirstOrDefault(c => c.Key == "application/json").Value?["schema"];
                operations.Add(new FuzzOperation(method.ToUpperInvariant(), path, parameters, contentTypes, schema));
            }
        }

        return operations;
    }
}
