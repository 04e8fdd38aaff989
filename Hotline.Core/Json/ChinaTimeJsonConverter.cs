using System.Text.Json;
using System.Text.Json.Serialization;
using Hotline.Domain.Common;

namespace Hotline.Core.Json;

/// <summary>
/// Instants are stored in UTC and shown in China Standard Time: every DateTimeOffset leaves the API with +08:00; one
/// arrives with an explicit offset and within <see cref="WireDates"/>.
/// </summary>
public sealed partial class ChinaTimeJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (text is null || !HasOffset().IsMatch(text) || !reader.TryGetDateTimeOffset(out var value))
        {
            throw new JsonException("时间须为带时区偏移的 ISO 8601 格式，例如 2026-11-23T09:30:00+08:00。");
        }

        return WireDates.Contains(value) ? value.ToUniversalTime() : throw new JsonException(WireDates.Message);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(Z|z|[+-]\d{2}:?\d{2})$")]
    private static partial System.Text.RegularExpressions.Regex HasOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(ChinaTime.ToChina(value));
}
