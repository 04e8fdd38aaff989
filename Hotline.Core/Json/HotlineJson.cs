using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Hotline.Core.Json;

/// <summary>
/// The wire format of the HTTP API and the hub, shared by every host: enums by their exact names, times in China
/// time, dates within <see cref="WireDates"/>, and every non-nullable value a record's constructor takes without a
/// default is required (a missing <c>unit</c> or <c>confidential</c> is a 400, never a silent zero or false).
/// </summary>
public static class HotlineJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new StrictEnumConverterFactory());
        options.Converters.Add(new ChinaTimeJsonConverter());
        options.Converters.Add(new WindowedDateJsonConverter());
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(RequireValueParameters);
    }

    private static void RequireValueParameters(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            if (property.AssociatedParameter is { HasDefaultValue: false, IsMemberInitializer: false } parameter
                && parameter.ParameterType.IsValueType
                && Nullable.GetUnderlyingType(parameter.ParameterType) is null)
            {
                property.IsRequired = true;
            }
        }
    }
}
