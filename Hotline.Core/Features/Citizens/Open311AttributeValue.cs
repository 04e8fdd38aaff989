
namespace Hotline.Core.Features.Citizens;

public sealed record Open311AttributeValue(string Key, string Name);
