using System.Reflection;
using FluentValidation;
using FluentValidation.Results;
using Hotline.Core.Json;
using Microsoft.AspNetCore.Mvc;

namespace Hotline.Api;

/// <summary>
/// Route and query enums as strict as the JSON ones (<see cref="StrictEnumConverterFactory"/>): minimal APIs bind
/// them with Enum.TryParse, which takes <c>0</c> for the first member and <c>Normal,Urgent</c> for another one.
/// This filter answers 400 unless the value sent is exactly a member's name; endpoints without enum parameters get
/// no filter at all.
/// </summary>
public static class StrictEnumBinding
{
    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var enums = context.MethodInfo.GetParameters()
            .SelectMany(Bound)
            .Select(p => (Parameter: p, Type: Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType))
            .Where(p => p.Type.IsEnum && p.Parameter.GetCustomAttribute<FromBodyAttribute>() is null)
            .Select(p => (Name: p.Parameter.GetCustomAttribute<FromQueryAttribute>()?.Name ?? p.Parameter.GetCustomAttribute<FromRouteAttribute>()?.Name ?? CamelCase(p.Parameter.Name!), p.Type))
            .ToArray();
        if (enums.Length == 0)
        {
            return next;
        }

        return invocation =>
        {
            var request = invocation.HttpContext.Request;
            var failures = new List<ValidationFailure>();
            foreach (var (name, type) in enums)
            {
                var sent = request.RouteValues.TryGetValue(name, out var route) ? route?.ToString() : request.Query[name].ToString();
                if (!string.IsNullOrEmpty(sent) && !StrictEnumConverterFactory.IsName(type, sent))
                {
                    failures.Add(new ValidationFailure(name, $"须为以下取值之一：{string.Join(", ", Enum.GetNames(type))}。(one of the names, exactly as written)"));
                }
            }

            return failures.Count > 0 ? ValueTask.FromException<object?>(new ValidationException(failures)) : next(invocation);
        };
    }

    /// <summary>A parameter, or for <c>[AsParameters]</c> the constructor parameters of its type, each bound on its own.</summary>
    private static IEnumerable<ParameterInfo> Bound(ParameterInfo parameter) =>
        parameter.GetCustomAttribute<AsParametersAttribute>() is null
            ? [parameter]
            : parameter.ParameterType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First().GetParameters();

    /// <summary>The field name of the 400, as the query spells it (<c>urgency</c>); the request's query is read case-insensitively.</summary>
    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>
    /// OpenAPI: the JSON schema exporter cannot see through a custom converter and would describe an enum as any
    /// value; it is a string, one of the names.
    /// </summary>
    public static Task DescribeEnumsAsync(Microsoft.OpenApi.OpenApiSchema schema, Microsoft.AspNetCore.OpenApi.OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (context.JsonTypeInfo.Type.IsEnum)
        {
            schema.Type = Microsoft.OpenApi.JsonSchemaType.String;
            schema.Enum = [.. Enum.GetNames(context.JsonTypeInfo.Type).Select(name => (System.Text.Json.Nodes.JsonNode)name)];
        }

        return Task.CompletedTask;
    }
}
