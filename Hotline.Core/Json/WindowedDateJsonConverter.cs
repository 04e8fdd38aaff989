using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hotline.Core.Json;

/// <summary>Calendar dates as <c>yyyy-MM-dd</c>, within <see cref="WireDates"/>.</summary>
public sealed class WindowedDateJsonConverter : JsonConverter<DateOnly>
{
    private const string Format = "yyyy-MM-dd";

    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || !DateOnly.TryParseExact(reader.GetString(), Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new JsonException("日期须为 yyyy-MM-dd 格式，例如 2026-10-01。");
        }

        return WireDates.Contains(date) ? date : throw new JsonException(WireDates.Message);
    }

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(Format, CultureInfo.InvariantCulture));
}
