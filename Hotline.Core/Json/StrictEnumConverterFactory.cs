using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hotline.Core.Json;

/// <summary>
/// Enums on the wire are their member names, exactly as declared: no numbers (<c>0</c> or <c>"0"</c>), no other
/// casing, no comma-separated flag combinations (<c>"Normal,Urgent"</c>, which <see cref="JsonStringEnumConverter"/>
/// accepts for any enum and turns into another member).
/// </summary>
public sealed class StrictEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(StrictEnumConverter<>).MakeGenericType(typeToConvert))!;

    /// <summary>The member of <typeparamref name="TEnum"/> named exactly <paramref name="text"/>, if there is one.</summary>
    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum => StrictEnumConverter<TEnum>.ByName.TryGetValue(text ?? string.Empty, out value);

    /// <summary>Whether <paramref name="text"/> is exactly the name of a member of <paramref name="enumType"/>.</summary>
    public static bool IsName(Type enumType, string text) => Enum.GetNames(enumType).Contains(text, StringComparer.Ordinal);

    private sealed class StrictEnumConverter<TEnum> : JsonConverter<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<string, TEnum> ByName =
            Enum.GetValues<TEnum>().ToFrozenDictionary(v => v.ToString(), v => v, StringComparer.Ordinal);

        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && ByName.TryGetValue(reader.GetString()!, out var value) ? value : throw Invalid();

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());

        public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ByName.TryGetValue(reader.GetString()!, out var value) ? value : throw Invalid();

        public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) => writer.WritePropertyName(value.ToString());

        private static JsonException Invalid() =>
            new($"须为以下取值之一：{string.Join(", ", ByName.Keys.Order(StringComparer.Ordinal))}。(one of the names, exactly as written)");
    }
}
