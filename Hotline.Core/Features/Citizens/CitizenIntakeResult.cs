
namespace Hotline.Core.Features.Citizens;

public sealed record CitizenIntakeResult(Guid TicketId, string Number, string TrackingCode, bool Replayed);
