using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hotline.IntegrationTests.Infrastructure;

/// <summary>The wire format of the API: camelCase, enums as names (the API rejects enum integers).</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }
}
