namespace Hotline.Core.Telephony;

/// <summary>A webhook whose signature was valid: its fields (form fields, or the query for GET) and its query string.</summary>
public sealed record WebhookRequest(IReadOnlyDictionary<string, string> Fields, IReadOnlyDictionary<string, string> Query)
{
    public string? this[string name] => Fields.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    public string? QueryValue(string name) => Query.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;
}
