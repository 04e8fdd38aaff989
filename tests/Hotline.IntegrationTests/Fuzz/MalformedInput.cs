using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Hotline.IntegrationTests.Fuzz;

/// <summary>Real values the generated requests start from, so that malformed parts reach validators and handlers.</summary>
internal sealed record FuzzSamples(IReadOnlyList<Guid> TicketIds, IReadOnlyList<Guid> UnitIds, Guid FuzzUserId, string TrackingCode);

/// <summary>
/// Generates malformed requests from the OpenAPI document with one seeded <see cref="Random"/>: the same seed gives
/// the same sequence of cases. A JSON body starts as a plausible value of its schema and gets one part replaced
/// (wrong type, null, null in a list, NUL, huge string or number, bad enum, flag combination or number, a date at the
/// edge of the calendar, deep nesting, unknown or missing field), or the whole body is spoiled (truncated, wrong or
/// broken content type, not UTF-8, empty). Query and path parameters get the same treatment.
/// </summary>
internal sealed class MalformedInput(Random random, OpenApiOperations document, FuzzSamples samples)
{
    private static readonly string Huge = new('x', 70_000);
    private static readonly string HugeChinese = new('测', 30_000);

    private static readonly (string Name, Func<JsonNode?> Value)[] ValueMutations =
    [
        ("null", () => null),
        ("NUL", () => JsonValue.Create("a\u0000b")),
        ("only NUL", () => JsonValue.Create("\u0000")),
        ("empty string", () => JsonValue.Create("")),
        ("whitespace", () => JsonValue.Create("   \t")),
        ("huge string", () => JsonValue.Create(Huge)),
        ("huge Chinese string", () => JsonValue.Create(HugeChinese)),
        ("control characters", () => JsonValue.Create("\u0001\u001f\u007f\u200b\ufeff")),
        ("lone surrogate", () => JsonValue.Create("\ud800")),
        ("number", () => JsonValue.Create(1)),
        ("negative number", () => JsonValue.Create(-1)),
        ("int32 overflow", () => JsonNode.Parse("2147483648")),
        ("int64 overflow", () => JsonNode.Parse("9223372036854775808")),
        ("huge number", () => JsonNode.Parse("1e308")),
        ("huger number", () => JsonNode.Parse("1e400")),
        ("fraction", () => JsonNode.Parse("0.5")),
        ("boolean", () => JsonValue.Create(true)),
        ("object", () => new JsonObject { ["a"] = 1 }),
        ("empty object", () => new JsonObject()),
        ("array", () => new JsonArray(1, 2)),
        ("list with null", () => new JsonArray((JsonNode?)null)),
        ("list with nulls and values", () => new JsonArray(null, "x", null)),
        ("flag combination", () => JsonValue.Create("Normal,Urgent")),
        ("flag combination with spaces", () => JsonValue.Create("Emergency, Complex")),
        ("enum as number string", () => JsonValue.Create("1")),
        ("enum out of range", () => JsonValue.Create(99)),
        ("lower-case enum", () => JsonValue.Create("normal")),
        ("date min", () => JsonValue.Create("0001-01-01T00:00:00Z")),
        ("date min China", () => JsonValue.Create("0001-01-01T00:00:00+08:00")),
        ("date max", () => JsonValue.Create("9999-12-31T23:59:59.9999999Z")),
        ("date max China", () => JsonValue.Create("9999-12-31T16:00:00Z")),
        ("date max minus offset", () => JsonValue.Create("9999-12-31T23:00:00-14:00")),
        ("date far future", () => JsonValue.Create("2999-01-01T00:00:00+08:00")),
        ("date far past", () => JsonValue.Create("1900-01-01T00:00:00+08:00")),
        ("February 30", () => JsonValue.Create("2026-02-30T10:00:00+08:00")),
        ("month 13", () => JsonValue.Create("2026-13-01")),
        ("date only", () => JsonValue.Create("2026-12-01")),
        ("date only min", () => JsonValue.Create("0001-01-01")),
        ("date only max", () => JsonValue.Create("9999-12-31")),
        ("not a date", () => JsonValue.Create("yesterday")),
        ("not a guid", () => JsonValue.Create("not-a-guid")),
        ("empty guid", () => JsonValue.Create(Guid.Empty)),
        ("unknown guid", () => JsonValue.Create(new Guid("5d1c8a3e-0f15-4c2b-9a7e-15a5c0ffee15"))),
        ("nesting 70", () => Nested(70)),
        ("nesting 5", () => Nested(5)),
        ("long list", () => new JsonArray(Enumerable.Range(0, 5000).Select(i => (JsonNode?)JsonValue.Create("x" + i.ToString(CultureInfo.InvariantCulture))).ToArray())),
    ];

    private static readonly (string Name, Func<byte[], byte[]> Body, string? ContentType)[] BodyMutations =
    [
        ("no body", _ => [], "application/json"),
        ("JSON null", _ => "null"u8.ToArray(), "application/json"),
        ("JSON array", _ => "[]"u8.ToArray(), "application/json"),
        ("JSON string", _ => "\"x\""u8.ToArray(), "application/json"),
        ("JSON number", _ => "1e999"u8.ToArray(), "application/json"),
        ("not JSON", _ => "hello"u8.ToArray(), "application/json"),
        ("not UTF-8", _ => [0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d], "application/json"),
        ("BOM", b => [0xef, 0xbb, 0xbf, .. b], "application/json"),
        ("nesting 2000", _ => Encoding.UTF8.GetBytes(new string('[', 2000) + new string(']', 2000)), "application/json"),
        ("object nesting 2000", _ => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 2000)) + "1" + new string('}', 2000)), "application/json"),
        ("duplicate keys", b => DuplicateKeys(b), "application/json"),
        ("text/plain", b => b, "text/plain"),
        ("XML", _ => "<a>1</a>"u8.ToArray(), "application/xml"),
        ("no content type", b => b, null),
        ("broken content type", b => b, "application/json; charset=\"unterminated"),
        ("unknown charset", b => b, "application/json; charset=klingon"),
        ("form", _ => "a=1&b=%00"u8.ToArray(), "application/x-www-form-urlencoded"),
        ("multipart without boundary", _ => "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--\r\n"u8.ToArray(), "multipart/form-data"),
        ("truncated multipart", _ => "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1"u8.ToArray(), "multipart/form-data; boundary=x"),
    ];

    private static readonly string[] QueryValues =
    [
        "", "%00", "a%00b", "abc", "-1", "0", "2147483648", "99999999999999999999", "1e400", "NaN", "true", "Normal,Urgent", "1", "99",
        "2026-02-30", "9999-12-31", "0001-01-01", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "2026-W99", "not-a-guid",
        "00000000-0000-0000-0000-000000000000", "%E6%B5%8B", "%FF%FE", new string('9', 400), new string('x', 5000),
    ];

    private static readonly string[] PathValues = QueryValues.Where(v => !v.Contains("%00", StringComparison.Ordinal)).ToArray();

    private static readonly string[] FormBodies =
    [
        "CallSid=%00",
        "a=%00&b=%00%00",
        "%00=1",
        "From=%2B86138%00&Body=" + new string('x', 5000),
        string.Join('&', Enumerable.Range(0, 1100).Select(i => $"f{i}=1")),
        new string('k', 3000) + "=1",
        "attribute[a][b][c]=1&service_code=sw-ts&description=x",
        "lat=1e400&long=-1e400&service_code=sw-ts&description=x",
        "lat=NaN&long=Infinity&address_string=%00",
        "=&&=&===",
        "%ZZ=%ZZ",
    ];

    /// <summary>The next case for <paramref name="operation"/> as <paramref name="actor"/>.</summary>
    public FuzzCase Next(FuzzOperation operation, string actor)
    {
        var (url, urlMutation) = Url(operation);
        if (!operation.Writes)
        {
            return new FuzzCase(operation, actor, url, null, null, urlMutation);
        }

        if (operation.BodySchema is null)
        {
            // Form routes (Open311, Twilio webhooks) and routes without a body.
            var form = Pick(FormBodies);
            return random.Next(3) switch
            {
                0 => Spoiled(operation, actor, url, Encoding.UTF8.GetBytes(form), urlMutation),
                1 => new FuzzCase(operation, actor, url, "multipart/form-data; boundary=b", Encoding.UTF8.GetBytes($"--b\r\nContent-Disposition: form-data; name=\"{Pick(["CallSid", "a", "\0"])}\"\r\n\r\n{Pick(["\0", "x", Huge[..3000]])}\r\n--b"), Join(urlMutation, "truncated multipart")),
                _ => new FuzzCase(operation, actor, url, "application/x-www-form-urlencoded", Encoding.UTF8.GetBytes(form), Join(urlMutation, "form " + Describe(form))),
            };
        }

        var valid = Plausible(operation.BodySchema, 0);
        if (random.Next(4) == 0)
        {
            return Spoiled(operation, actor, url, Encoding.UTF8.GetBytes(valid?.ToJsonString() ?? "null"), urlMutation);
        }

        var (body, mutation) = Mutate(valid);
        return new FuzzCase(operation, actor, url, "application/json", Encoding.UTF8.GetBytes(body?.ToJsonString() ?? "null"), Join(urlMutation, mutation));
    }

    private FuzzCase Spoiled(FuzzOperation operation, string actor, string url, byte[] valid, string urlMutation)
    {
        if (random.Next(3) == 0 && valid.Length > 1)
        {
            var cut = random.Next(1, valid.Length);
            return new FuzzCase(operation, actor, url, operation.ContentTypes.FirstOrDefault() ?? "application/json", valid[..cut], Join(urlMutation, $"truncated at {cut}"));
        }

        var (name, body, contentType) = Pick(BodyMutations);
        return new FuzzCase(operation, actor, url, contentType, body(valid), Join(urlMutation, name));
    }

    /// <summary>The URL with real path values, and now and then one malformed path or query value.</summary>
    private (string Url, string Mutation) Url(FuzzOperation operation)
    {
        var mutations = new List<string>();
        var path = operation.Path;
        var pathParameters = operation.Parameters.Where(p => p.In == "path").ToList();
        var spoilPath = pathParameters.Count > 0 && random.Next(5) == 0 ? Pick(pathParameters) : null;
        foreach (var parameter in pathParameters)
        {
            // The test server cannot carry a NUL in the path (Kestrel answers such a request line 400 itself).
            var value = parameter == spoilPath ? Pick(PathValues) : PathValue(operation, parameter.Name);
            if (parameter == spoilPath)
            {
                mutations.Add($"path {parameter.Name}={Describe(value)}");
            }

            path = path.Replace("{" + parameter.Name + "}", value.Length == 0 ? "%20" : value, StringComparison.Ordinal);
        }

        var query = new List<string>();
        foreach (var parameter in operation.Parameters.Where(p => p.In == "query"))
        {
            var roll = random.Next(4);
            if (roll == 0)
            {
                var value = Pick(QueryValues);
                query.Add($"{parameter.Name}={value}");
                mutations.Add($"query {parameter.Name}={Describe(value)}");
            }
            else if (roll == 1)
            {
                query.Add($"{parameter.Name}={Uri.EscapeDataString(PlausibleText(document.Resolve(parameter.Schema), parameter.Name))}");
            }
        }

        if (query.Count > 0 && random.Next(8) == 0)
        {
            query.Add(query[0]); // the same parameter twice
            mutations.Add("repeated query parameter");
        }

        return (query.Count == 0 ? path : path + "?" + string.Join('&', query), string.Join(", ", mutations));
    }

    private string PathValue(FuzzOperation operation, string name) => name switch
    {
        "id" when operation.Path.StartsWith("/api/tickets", StringComparison.Ordinal) => Pick(samples.TicketIds).ToString(),
        "id" when operation.Path.StartsWith("/api/units", StringComparison.Ordinal) => samples.UnitIds[^1].ToString(),
        "id" when operation.Path.StartsWith("/api/admin/users", StringComparison.Ordinal) => samples.FuzzUserId.ToString(),
        "id" => SeededGuid().ToString(),
        "year" => Pick(["2026", "2027", "2099"]),
        "code" => Pick(["zz", "fz", "dc"]),
        "tier" => Pick(["Normal", "Urgent", "Emergency", "Complex"]),
        "format" => Pick(["json", "xml"]),
        "trackingCode" => samples.TrackingCode,
        "table" => Pick(["units", "districts", "categories", "ranking", "volumes", "hotspots"]),
        _ => "x",
    };

    private (JsonNode? Body, string Mutation) Mutate(JsonNode? valid)
    {
        var (name, value) = Pick(ValueMutations);
        var containers = new List<JsonNode>();
        Collect(valid, containers);
        if (containers.Count == 0 || random.Next(6) == 0)
        {
            return (value(), "body " + name);
        }

        var target = Pick(containers);
        if (target is JsonObject o)
        {
            var roll = random.Next(10);
            if (roll == 0 || o.Count == 0)
            {
                o["unexpected" + random.Next(100)] = value();
                return (valid, $"unknown field: {name}");
            }

            var key = Pick(o.Select(p => p.Key).ToList());
            if (roll == 1)
            {
                o.Remove(key);
                return (valid, $"{key} missing");
            }

            o[key] = value();
            return (valid, $"{key}: {name}");
        }

        var array = (JsonArray)target;
        if (array.Count == 0)
        {
            array.Add(value());
        }
        else
        {
            array[random.Next(array.Count)] = value();
        }

        return (valid, $"list item: {name}");
    }

    /// <summary>A value the schema allows, with real codes and ids where a field is known to need them.</summary>
    private JsonNode? Plausible(JsonNode? schema, int depth, string? name = null)
    {
        schema = document.Resolve(schema);
        if (schema is null || depth > 6)
        {
            return null;
        }

        if (schema["enum"] is JsonArray values)
        {
            return JsonValue.Create(EnumValue(values));
        }

        var types = OpenApiOperations.TypesOf(schema);
        if (types.Contains("object") || schema["properties"] is not null)
        {
            var o = new JsonObject();
            foreach (var (property, propertySchema) in (schema["properties"] as JsonObject ?? []))
            {
                o[property] = Plausible(propertySchema, depth + 1, property);
            }

            return o;
        }

        if (types.Contains("array"))
        {
            var items = new JsonArray();
            for (var i = 0; i < random.Next(1, 3); i++)
            {
                items.Add(Plausible(schema["items"], depth + 1, name));
            }

            return items;
        }

        if (types.Contains("integer"))
        {
            return JsonValue.Create(name is "version" ? random.Next(1, 4) : random.Next(1, 48));
        }

        if (types.Contains("number"))
        {
            return JsonValue.Create(39.9 + random.NextDouble() / 10);
        }

        if (types.Contains("boolean"))
        {
            return JsonValue.Create(random.Next(2) == 0);
        }

        return JsonValue.Create(PlausibleText(schema, name));
    }

    private string PlausibleText(JsonNode? schema, string? name)
    {
        if (schema?["enum"] is JsonArray values)
        {
            return EnumValue(values);
        }

        var format = schema?["format"]?.GetValue<string>();
        var types = OpenApiOperations.TypesOf(schema);
        return (format, name) switch
        {
            ("uuid", _) => Pick(samples.UnitIds).ToString(),
            ("date-time", _) => DateTimeOffset.UtcNow.AddDays(random.Next(1, 5)).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
            ("date", _) => "2026-12-0" + random.Next(1, 9).ToString(CultureInfo.InvariantCulture),
            _ when types.Contains("integer") => random.Next(1, 30).ToString(CultureInfo.InvariantCulture),
            _ when types.Contains("boolean") => "true",
            (_, "categoryCode") => "sw-ts",
            (_, "districtCode") => "dc",
            (_, "streetCode") => "dc-dhm",
            (_, "phone") => "13812345678",
            (_, "code") => "fz",
            (_, "userName") => "fuzz-" + random.Next(1000).ToString(CultureInfo.InvariantCulture),
            (_, "password") => "Fuzz#2026-password",
            (_, "roles") => "Agent",
            _ => "测试" + random.Next(100).ToString(CultureInfo.InvariantCulture),
        };
    }

    private string EnumValue(JsonArray values) => Pick(values.Where(v => v is not null).Select(v => v!.ToString()).ToList());

    private Guid SeededGuid()
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static void Collect(JsonNode? node, List<JsonNode> containers)
    {
        switch (node)
        {
            case JsonObject o:
                containers.Add(o);
                foreach (var (_, child) in o)
                {
                    Collect(child, containers);
                }

                break;
            case JsonArray a:
                containers.Add(a);
                foreach (var child in a)
                {
                    Collect(child, containers);
                }

                break;
        }
    }

    private static JsonNode Nested(int depth)
    {
        JsonNode node = new JsonArray();
        for (var i = 0; i < depth; i++)
        {
            node = i % 2 == 0 ? new JsonObject { ["a"] = node } : new JsonArray(node);
        }

        return node;
    }

    private static byte[] DuplicateKeys(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        return text.StartsWith('{') && text.Length > 2 ? Encoding.UTF8.GetBytes("{\"a\":1,\"a\":2," + text[1..]) : body;
    }

    private static string Describe(string value) => value.Length > 40 ? $"{value[..20]}…({value.Length} chars)" : value;

    private static string Join(string a, string b) => a.Length == 0 ? b : b.Length == 0 ? a : a + ", " + b;

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
