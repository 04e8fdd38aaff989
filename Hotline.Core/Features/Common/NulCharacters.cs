using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using FluentValidation.Results;

namespace Hotline.Core.Features.Common;

/// <summary>
/// Finds U+0000 in any string of a request, however it arrived (JSON, form, query, route, header): PostgreSQL
/// refuses NUL in text, so without this check the same input would be stored on SQLite and a 500 on PostgreSQL.
/// Walks the request's own records, their lists and dictionaries (keys and values).
/// </summary>
public static class NulCharacters
{
    public const string Message = "不得包含 NUL 字符 (U+0000)。(must not contain NUL characters)";

    private const int MaxDepth = 12;
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public static List<ValidationFailure> Find(object? request)
    {
        var failures = new List<ValidationFailure>();
        Visit(request, string.Empty, 0, failures);
        return failures;
    }

    private static void Visit(object? value, string path, int depth, List<ValidationFailure> failures)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                if (text.Contains('\0', StringComparison.Ordinal))
                {
                    failures.Add(new ValidationFailure(path.Length == 0 ? "$" : path, Message));
                }

                return;
            case IDictionary dictionary when depth < MaxDepth:
                foreach (DictionaryEntry entry in dictionary)
                {
                    var key = entry.Key as string ?? entry.Key.ToString() ?? string.Empty;
                    var entryPath = Join(path, key.Replace("\0", "\\0", StringComparison.Ordinal));
                    Visit(entry.Key, entryPath, depth + 1, failures);
                    Visit(entry.Value, entryPath, depth + 1, failures);
                }

                return;
            case IEnumerable items when depth < MaxDepth:
                var index = 0;
                foreach (var item in items)
                {
                    Visit(item, $"{path}[{index++}]", depth + 1, failures);
                }

                return;
        }

        var type = value.GetType();
        if (depth >= MaxDepth || !IsOurs(type))
        {
            return;
        }

        foreach (var property in Properties.GetOrAdd(type, Readable))
        {
            // A command's wire body is named after its own fields (citizen.name), not body.citizen.name.
            var name = depth == 0 && property.Name == "Body" ? path : Join(path, property.Name);
            Visit(property.GetValue(value), name, depth + 1, failures);
        }
    }

    /// <summary>Read-only dictionaries that are not <see cref="IDictionary"/> are enumerated as key/value pairs.</summary>
    private static PropertyInfo[] Readable(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>)
            ? [type.GetProperty("Key")!, type.GetProperty("Value")!]
            : type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.PropertyType != typeof(Type))
                .ToArray();

    private static bool IsOurs(Type type) =>
        (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
        || type.Assembly.GetName().Name?.StartsWith("Hotline.", StringComparison.Ordinal) == true;

    private static string Join(string path, string name) =>
        path.Length == 0 ? name : path + "." + name;
}
