using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;

namespace Hotline.Core.Json;

/// <summary>One line of an import: its number (JSON Lines: the line; array: the element's position, from 1) and the item or why it could not be read.</summary>
public readonly record struct ImportLine<T>(int Line, T? Item, string? Error);

/// <summary>
/// The imports' reader (knowledge articles, history orders): JSON Lines or a JSON array, read from the request
/// body as it arrives, one item at a time, so a 50,000-line import holds one line in memory, not the body. A line
/// that is not valid JSON of the item's shape is reported with its number and the reading goes on; a body that is
/// not a JSON array at all is a 400 (<see cref="ValidationException"/> on the field <c>body</c>).
/// </summary>
public static class JsonImportReader
{
    public const string EmptyBody = "请求体为空：须为 JSON Lines（application/x-ndjson）或 JSON 数组。";

    public static async IAsyncEnumerable<ImportLine<T>> ReadAsync<T>(Stream body, bool jsonLines, JsonSerializerOptions json, [EnumeratorCancellation] CancellationToken ct)
        where T : class
    {
        if (jsonLines)
        {
            using var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
            var number = 0;
            while (await reader.ReadLineAsync(ct) is { } raw)
            {
                number++;
                var line = raw.Trim().TrimStart('\uFEFF');
                if (line.Length > 0)
                {
                    yield return Deserialize<T>(number, () => JsonSerializer.Deserialize<T>(line, json));
                }
            }

            yield break;
        }

        var pipe = PipeReader.Create(body, new StreamPipeReaderOptions(leaveOpen: true));
        if (!await StartsWithArrayAsync(pipe, ct))
        {
            throw Invalid("须为 JSON 数组，或以 application/x-ndjson 发送 JSON Lines。");
        }

        var elements = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(pipe.AsStream(leaveOpen: true), json, ct).GetAsyncEnumerator(ct);
        var position = 0;
        while (true)
        {
            JsonElement element;
            try
            {
                if (!await elements.MoveNextAsync())
                {
                    break;
                }

                element = elements.Current;
            }
            catch (JsonException e)
            {
                // The array itself is broken here: what follows cannot be told apart into elements.
                throw Invalid($"JSON 数组在第 {position + 1} 个元素处无法解析：" + FirstLine(e));
            }

            position++;
            var at = position;
            yield return Deserialize<T>(at, () => element.Deserialize<T>(json));
        }

        await elements.DisposeAsync();
    }

    private static ImportLine<T> Deserialize<T>(int number, Func<T?> read)
        where T : class
    {
        try
        {
            return read() is { } item ? new ImportLine<T>(number, item, null) : new ImportLine<T>(number, null, "JSON 格式或字段类型不正确：null");
        }
        catch (JsonException e)
        {
            return new ImportLine<T>(number, null, "JSON 格式或字段类型不正确：" + FirstLine(e));
        }
    }

    /// <summary>Looks past a byte-order mark and white space at the first character, without consuming anything.</summary>
    private static async Task<bool> StartsWithArrayAsync(PipeReader pipe, CancellationToken ct)
    {
        while (true)
        {
            var result = await pipe.ReadAsync(ct);
            var text = Encoding.UTF8.GetString(result.Buffer.Slice(0, Math.Min(result.Buffer.Length, 4096))).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
            if (text.Length > 0 || result.IsCompleted || result.Buffer.Length >= 4096)
            {
                pipe.AdvanceTo(result.Buffer.Start, result.Buffer.End);
                return text.Length > 0 ? text[0] == '[' : throw Invalid(EmptyBody);
            }

            pipe.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    private static ValidationException Invalid(string message) => new([new ValidationFailure("body", message)]);

    private static string FirstLine(JsonException e) => e.Message.Split('\n')[0];
}
