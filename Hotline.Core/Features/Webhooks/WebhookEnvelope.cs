using System.Text;
using System.Text.Json;

namespace Hotline.Core.Features.Webhooks;

/// <summary>
/// A delivery as a CloudEvents 1.0 event in structured JSON mode (<c>application/cloudevents+json</c>). Built from
/// the outbox row alone, so every attempt sends the same bytes.
/// </summary>
public static class WebhookEnvelope
{
    public const string ContentType = "application/cloudevents+json";

    public static byte[] Build(string source, Guid id, string type, string subject, DateTimeOffset time, long sequence, string data)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = WebhookOutbox.Json.Encoder }))
        {
            writer.WriteStartObject();
            writer.WriteString("specversion", "1.0");
            writer.WriteString("id", id.ToString());
            writer.WriteString("source", source);
            writer.WriteString("type", type);
            writer.WriteString("subject", subject);
            writer.WriteString("time", time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("datacontenttype", "application/json");

            // Extension attribute: the change log's sequence, increasing along each order's events.
            writer.WriteNumber("hotlinesequence", sequence);
            writer.WritePropertyName("data");
            writer.WriteRawValue(Encoding.UTF8.GetBytes(data), skipInputValidation: true);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}
