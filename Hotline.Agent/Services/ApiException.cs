using System.Net;

namespace Hotline.Agent.Services;

/// <summary>A failed API call, with a message for the user in Chinese.</summary>
public sealed class ApiException(HttpStatusCode status, string message) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;
}
