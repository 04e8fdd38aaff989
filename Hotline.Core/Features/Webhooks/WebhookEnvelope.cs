using System.Globalization;
using System.Net.Mime;
using System.Text.Json;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;

namespace Hotline.Core.Features.Webhooks;

/// <summary>
/// A delivery as a CloudEvents 1.0 event in structured JSON mode (<c>application/cloudevents+json</c>), built and
/// validated by the CNCF SDK (<c>CloudNative.CloudEvents</c>). Built from the outbox row alone, so every attempt sends
/// the same bytes.
/// </summary>
public static class WebhookEnvelope
{
    public const string ContentType = "application/cloudevents+json";

    /// <summary>
    /// Extension attribute: the change log's sequence, increasing along each order's events. A decimal string: the
    /// sequence is 64-bit and CloudEvents' Integer type is 32-bit.
    /// </summary>
    public static readonly CloudEventAttribute SequenceAttribute =
        CloudEventAttribute.CreateExtension("hotlinesequence", CloudEventAttributeType.String);

    private static readonly JsonEventFormatter Formatter = new(WebhookOutbox.Json, new JsonDocumentOptions());

    public static byte[] Build(string source, Guid id, string type, string subject, DateTimeOffset time, long sequence, string data)
    {
        using var document = JsonDocument.Parse(data);
        var cloudEvent = new CloudEvent(CloudEventsSpecVersion.V1_0, [SequenceAttribute])
        {
            Id = id.ToString(),
            Source = new Uri(source, UriKind.RelativeOrAbsolute),
            Type = type,
            Subject = subject,
            Time = time.ToUniversalTime(),
            DataContentType = MediaTypeNames.Application.Json,
            Data = document.RootElement,
        };
        cloudEvent[SequenceAttribute] = sequence.ToString(CultureInfo.InvariantCulture);
        return Formatter.EncodeStructuredModeMessage(cloudEvent, out _).ToArray();
    }

    /// <summary>Reads an event as a receiver would (tests and the benchmark's receivers use it).</summary>
    public static CloudEvent Parse(ReadOnlyMemory<byte> body) =>
        Formatter.DecodeStructuredModeMessage(body, new System.Net.Mime.ContentType(ContentType), [SequenceAttribute]);
}
