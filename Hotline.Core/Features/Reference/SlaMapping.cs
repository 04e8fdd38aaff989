using Hotline.Contracts.Reference;
using Hotline.Domain.Calendar;

namespace Hotline.Core.Features.Reference;

internal static class SlaMapping
{
    public static SlaPolicyDto ToDto(SlaPolicy p) => new(
        p.Tier,
        new LimitDto(p.Accept.Value, p.Accept.Unit),
        new LimitDto(p.Contact.Value, p.Contact.Unit),
        new LimitDto(p.Reply.Value, p.Reply.Unit));
}
