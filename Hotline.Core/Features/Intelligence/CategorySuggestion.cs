namespace Hotline.Core.Features.Intelligence;

/// <summary>What the console suggested when an order was registered and what the agent chose: one row per order (docs/intelligence.md).</summary>
public sealed class CategorySuggestion
{
    public Guid TicketId { get; set; }

    public Guid ModelId { get; set; }

    public string SuggestedCode { get; set; } = string.Empty;

    public string ChosenCode { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }

    /// <summary>The China date of the registration: the acceptance rate is counted per ISO week of it.</summary>
    public DateOnly Day { get; set; }

    public bool Accepted => SuggestedCode == ChosenCode;
}
