using System.Text.RegularExpressions;
using Hotline.Agent.Services;

namespace Hotline.Agent.Pages.Admin;

/// <summary>
/// An admin form's errors by field: the API's ProblemDetails field names (<c>userName</c>, <c>streets[2].name</c>) mapped
/// to the form's element ids, so each message shows under its field (as the citizen and agent forms do).
/// </summary>
public sealed partial class FormErrors
{
    private readonly Dictionary<string, string> _messages = new(StringComparer.Ordinal);

    public int Count => _messages.Count;

    /// <summary>The element to focus after a failed save: the first field in error, in the form's order.</summary>
    public string? First { get; private set; }

    public string? this[string field] => _messages.GetValueOrDefault(field);

    public string? Invalid(string field) => _messages.ContainsKey(field) ? "true" : null;

    public string? DescribedBy(string field) => _messages.ContainsKey(field) ? field + "-error" : null;

    public void Clear()
    {
        _messages.Clear();
        First = null;
    }

    public void Remove(string field) => _messages.Remove(field);

    /// <summary>An error the form finds before asking the API (a code that goes into the address).</summary>
    public void Set(string field, string message)
    {
        _messages[field] = message;
        First ??= field;
    }

    /// <summary>
    /// Puts the exception's field errors under the fields <paramref name="fieldOf"/> names (null: no field on this form);
    /// returns the messages that have no field, for the summary.
    /// </summary>
    public IReadOnlyList<string> Show(ApiException error, Func<string, string?> fieldOf, IReadOnlyList<string> order)
    {
        Clear();
        var unplaced = new List<string>();
        foreach (var (key, messages) in error.Errors)
        {
            // The first message of a field is the one to act on (an empty login is not also "badly formed").
            var text = messages.Length == 0 ? string.Empty : WithoutPropertyName(messages[0]);
            if (fieldOf(key) is { } field)
            {
                _messages[field] = _messages.TryGetValue(field, out var earlier) ? earlier + " " + text : text;
            }
            else
            {
                unplaced.Add(text);
            }
        }

        First = order.FirstOrDefault(_messages.ContainsKey) ?? _messages.Keys.FirstOrDefault();
        return unplaced;
    }

    /// <summary>
    /// The validator's stock messages name the property in English (<c>'user Name' 不能为空。</c>); under the field
    /// that reads as <c>不能为空。</c>.
    /// </summary>
    private static string WithoutPropertyName(string message) => PropertyName().Replace(message, string.Empty);

    [GeneratedRegex(@"'[A-Za-z][A-Za-z0-9 .\[\]]*'\s*(的\s*)?")]
    private static partial Regex PropertyName();
}
