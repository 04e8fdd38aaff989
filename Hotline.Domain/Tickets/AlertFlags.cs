namespace Hotline.Domain.Tickets;

/// <summary>The alerts raised on an order's running clocks.</summary>
[Flags]
public enum AlertFlags
{
    None = 0,
    AcceptWarning = 1,
    AcceptOverdue = 2,
    ContactWarning = 4,
    ContactOverdue = 8,
    ReplyWarning = 16,
    ReplyOverdue = 32,
    AnyOverdue = AcceptOverdue | ContactOverdue | ReplyOverdue,
}
