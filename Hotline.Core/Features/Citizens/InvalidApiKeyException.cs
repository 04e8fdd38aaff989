
namespace Hotline.Core.Features.Citizens;

/// <summary>The <c>api_key</c> is missing, unknown or revoked: Open311 answers 403.</summary>
public sealed class InvalidApiKeyException() : Exception("Invalid api_key received -- can't proceed with create_request.");
