using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hotline.Core.Json;

/// <summary>The wire format of the HTTP API and the hub, shared by every host: enums by name, times in China time.</summary>
public static class HotlineJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        options.Converters.Add(new ChinaTimeJsonConverter());
    }
}
