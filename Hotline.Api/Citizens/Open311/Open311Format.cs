using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;
using Hotline.Domain.Common;

namespace Hotline.Api.Citizens.Open311;

/// <summary>An Open311 element with named fields, written as a JSON object or an XML element.</summary>
public sealed class Open311Node : List<KeyValuePair<string, object?>>
{
    public Open311Node Add(string name, object? value)
    {
        Add(new KeyValuePair<string, object?>(name, value));
        return this;
    }
}

/// <summary>A list: a JSON array, or in XML one <see cref="ItemName"/> element per item.</summary>
public sealed record Open311List(string ItemName, IReadOnlyList<object?> Items);

/// <summary>
/// GeoReport v2 wire formats: JSON (snake_case names as in the spec) and XML (root elements
/// services/service, service_definition, service_requests/request, errors/error, discovery). UTF-8,
/// instants in China time with their offset.
/// </summary>
public static class Open311Format
{
    public const string BasePath = "/open311/v2";
    public const string Json = "json";
    public const string Xml = "xml";

    /// <summary>Readable UTF-8 (Chinese and "+08:00" unescaped): the answer is application/json, never embedded in HTML.</summary>
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static IResult Result(string format, string root, object body, int status = StatusCodes.Status200OK) =>
        new Open311Result(format, root, body, status);

    /// <summary>The spec's error list; the format is the one the path asks for (XML unless it ends in .json).</summary>
    public static Task WriteErrorsAsync(HttpContext http, int status, IEnumerable<string> descriptions, CancellationToken ct)
    {
        var format = http.Request.Path.Value?.EndsWith(".json", StringComparison.OrdinalIgnoreCase) == true ? Json : Xml;
        var errors = new Open311List("error", descriptions.Select(d => (object?)new Open311Node().Add("code", status).Add("description", d)).ToList());
        return WriteAsync(http, format, "errors", errors, status, ct);
    }

    public static async Task WriteAsync(HttpContext http, string format, string root, object body, int status, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        if (format.Equals(Json, StringComparison.OrdinalIgnoreCase))
        {
            await using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Encoder, Indented = false });
            WriteJson(json, body);
            await json.FlushAsync(ct);
            http.Response.ContentType = "application/json; charset=utf-8";
        }
        else
        {
            await using var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Async = true, Indent = false });
            await xml.WriteStartDocumentAsync();
            WriteXmlElement(xml, root, body);
            await xml.WriteEndDocumentAsync();
            await xml.FlushAsync();
            http.Response.ContentType = "text/xml; charset=utf-8";
        }

        http.Response.StatusCode = status;
        http.Response.ContentLength = buffer.Length;
        await http.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), ct);
    }

    public static string Instant(DateTimeOffset value) => ChinaTime.ToChina(value).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static void WriteJson(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case Open311Node node:
                json.WriteStartObject();
                foreach (var (name, field) in node)
                {
                    json.WritePropertyName(name);
                    WriteJson(json, field);
                }

                json.WriteEndObject();
                break;
            case Open311List list:
                json.WriteStartArray();
                foreach (var item in list.Items)
                {
                    WriteJson(json, item);
                }

                json.WriteEndArray();
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case int i:
                json.WriteNumberValue(i);
                break;
            case double d:
                json.WriteNumberValue(d);
                break;
            default:
                json.WriteStringValue(Scalar(value));
                break;
        }
    }

    private static void WriteXmlElement(XmlWriter xml, string name, object? value)
    {
        xml.WriteStartElement(name);
        switch (value)
        {
            case null:
                break;
            case Open311Node node:
                foreach (var (field, fieldValue) in node)
                {
                    WriteXmlElement(xml, field, fieldValue);
                }

                break;
            case Open311List list:
                foreach (var item in list.Items)
                {
                    WriteXmlElement(xml, list.ItemName, item);
                }

                break;
            default:
                xml.WriteString(XmlSafe(Scalar(value)));
                break;
        }

        xml.WriteEndElement();
    }

    /// <summary>Text is stored as typed; characters XML 1.0 cannot carry (control characters) become U+FFFD.</summary>
    private static string XmlSafe(string text)
    {
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                clean.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                clean.Append(text, i, 2);
                i++;
            }
            else
            {
                clean.Append('\uFFFD');
            }
        }

        return clean.ToString();
    }

    private static string Scalar(object value) => value switch
    {
        bool b => b ? "true" : "false",
        DateTimeOffset at => Instant(at),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private sealed class Open311Result(string format, string root, object body, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, format, root, body, status, httpContext.RequestAborted);
    }
}
