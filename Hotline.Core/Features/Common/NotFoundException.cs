namespace Hotline.Core.Features.Common;

/// <summary>The resource does not exist, or the caller may not know that it exists. The API answers 404.</summary>
public sealed class NotFoundException(string resource, object key)
    : Exception($"{resource} '{key}' 不存在。({resource} '{key}' was not found.)")
{
    public string Resource { get; } = resource;
}
