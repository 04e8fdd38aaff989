
namespace Hotline.Core.Features.Citizens;

public sealed record Open311Attribute(
    bool Variable,
    string Code,
    string Datatype,
    bool Required,
    string DatatypeDescription,
    int Order,
    string Description,
    IReadOnlyList<Open311AttributeValue> Values);
