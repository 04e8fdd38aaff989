using Hotline.Contracts;
using Hotline.Domain.Common;

namespace Hotline.Domain.Tickets;

/// <summary>拆单: one call that holds several demands for different units becomes one order per demand.</summary>
public sealed partial class Ticket
{
    public const int MinSplitParts = 2;
    public const int MaxSplitParts = 10;

    /// <summary>The order this one was split from (拆单), if any.</summary>
    public Guid? SplitFromTicketId { get; private set; }

    /// <summary>
    /// Whether this order may be split into <paramref name="partCount"/> orders now: only while Registered, into two to
    /// ten parts. Checked before the parts' numbers are reserved, so a refused split reserves nothing.
    /// </summary>
    public void EnsureSplittable(int partCount)
    {
        RequireStatus("split", TicketStatus.Registered);
        if (partCount is < MinSplitParts or > MaxSplitParts)
        {
            throw new DomainException($"拆单须拆为 {MinSplitParts} 至 {MaxSplitParts} 个子工单（本次 {partCount} 个）。");
        }
    }

    /// <summary>
    /// 拆单: each part becomes its own Registered order with the citizen, place, channel and type copied and a link to this
    /// one, which closes as <see cref="CloseReason.Split"/>. The parts are dispatched, handled and called back on their own;
    /// the original never reaches a unit, so it counts in no rate, no overdue list and no callback queue.
    /// </summary>
    public IReadOnlyList<Ticket> Split(IReadOnlyList<SplitPart> parts, Actor actor, DateTimeOffset now)
    {
        EnsureSplittable(parts.Count);
        var created = parts.Select(p =>
        {
            var part = Register(p.Id, p.Number, Channel, Type, p.CategoryCode, p.Urgency, Citizen, Location, p.Content, CallSid, null, null, actor, now,
                $"由工单 {Number} 拆分而来");
            part.SplitFromTicketId = Id;
            return part;
        }).ToList();
        CloseAs(Contracts.CloseReason.Split, TimelineActions.Split, $"拆分为 {created.Count} 个子工单：{string.Join("、", created.Select(p => p.Number))}", actor, now);
        Raise(new TicketSplit(Id, Number, Status, Version, now, created.Select(p => p.Id).ToList()));
        return created;
    }
}
