using Hotline.Contracts;

namespace Hotline.Domain.Common;

/// <summary>The action is not allowed from the order's current status.</summary>
public sealed class InvalidTransitionException(string action, TicketStatus current)
    : DomainException($"工单当前状态为 {current}，不能执行 {action}。(Action '{action}' is not allowed in status {current}.)")
{
    public string Action { get; } = action;

    public TicketStatus Current { get; } = current;
}
