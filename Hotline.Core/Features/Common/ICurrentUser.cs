using Hotline.Domain.Common;

namespace Hotline.Core.Features.Common;

/// <summary>The person (or system process) on whose behalf a command runs.</summary>
public interface ICurrentUser
{
    Actor Actor { get; }

    /// <summary>The client address of the request (after the trusted proxies); null outside a request.</summary>
    string? Address => null;
}
