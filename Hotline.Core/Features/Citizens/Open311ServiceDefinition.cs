
namespace Hotline.Core.Features.Citizens;

public sealed record Open311ServiceDefinition(string ServiceCode, IReadOnlyList<Open311Attribute> Attributes);
