
namespace Hotline.Core.Features.Citizens.CreateOpen311Request;

public sealed record Open311CreateResult(string ServiceRequestId, string ServiceNotice, string? AccountId, bool Replayed);
