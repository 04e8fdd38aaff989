
namespace Hotline.Core.Features.Citizens;

public sealed record Open311Service(string ServiceCode, string ServiceName, string Description, bool Metadata, string Type, string Keywords, string Group);
