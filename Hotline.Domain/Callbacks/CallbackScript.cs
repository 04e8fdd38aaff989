using Hotline.Contracts;

namespace Hotline.Domain.Callbacks;

/// <summary>
/// The 回访话术 for one order type, shown beside the callback form; seeded by the CallbackDesk migration and edited by
/// supervisors and administrators.
/// </summary>
public sealed class CallbackScript
{
    public const int MaxBodyLength = 2000;

    private CallbackScript()
    {
    }

    public CallbackScript(TicketType type, string body, DateTimeOffset updatedAt, string? updatedBy = null)
    {
        Type = type;
        Body = body;
        UpdatedAt = updatedAt;
        UpdatedBy = updatedBy;
    }

    public TicketType Type { get; private set; }

    public string Body { get; private set; } = null!;

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The login of the last editor; null for the seeded text.</summary>
    public string? UpdatedBy { get; private set; }

    public void Edit(string body, string updatedBy, DateTimeOffset now)
    {
        Body = body;
        UpdatedBy = updatedBy;
        UpdatedAt = now;
    }
}
