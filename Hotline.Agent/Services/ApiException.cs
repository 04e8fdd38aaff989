using System.Net;

namespace Hotline.Agent.Services;

/// <summary>
/// A failed API call, with a message for the user in Chinese and, for a 400, the messages by field as the API
/// names them (<c>content</c>, <c>location.districtCode</c>), so a form can put each beside its field.
/// </summary>
public sealed class ApiException(HttpStatusCode status, string message, IReadOnlyDictionary<string, string[]>? errors = null) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;

    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors ?? new Dictionary<string, string[]>();
}
