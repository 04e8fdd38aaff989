using Hotline.Contracts;

namespace Hotline.Domain.Tickets;

/// <summary>
/// One rule of 办结审核 (Admin-editable data): a reply whose order matches any rule waits for a supervisor's review
/// before its callback. A rule matches when every condition it sets holds: the type, the category (the order's own
/// code or its parent's), the channel, and, with <see cref="ReworkedOnly"/>, that the order was reworked at least once.
/// A rule that sets nothing matches every order.
/// </summary>
public sealed class ReviewRule
{
    public const int MaxCategoryCodeLength = 32;

    private ReviewRule()
    {
    }

    public ReviewRule(Guid id, TicketType? type, string? categoryCode, Channel? channel, bool reworkedOnly)
    {
        Id = id;
        Type = type;
        CategoryCode = string.IsNullOrWhiteSpace(categoryCode) ? null : categoryCode.Trim();
        Channel = channel;
        ReworkedOnly = reworkedOnly;
    }

    public Guid Id { get; private set; }

    public TicketType? Type { get; private set; }

    public string? CategoryCode { get; private set; }

    public Channel? Channel { get; private set; }

    public bool ReworkedOnly { get; private set; }

    /// <summary>The defaults of a new database: complaints, reports, and every order with rework.</summary>
    public static IReadOnlyList<ReviewRule> Defaults() =>
    [
        new(new Guid("5a0f3c1e-7d0b-4c1a-9a51-000000000001"), TicketType.Complaint, null, null, false),
        new(new Guid("5a0f3c1e-7d0b-4c1a-9a51-000000000002"), TicketType.Report, null, null, false),
        new(new Guid("5a0f3c1e-7d0b-4c1a-9a51-000000000003"), null, null, null, true),
    ];

    /// <summary>Whether any of <paramref name="rules"/> asks for a review of <paramref name="ticket"/>'s reply.</summary>
    public static bool AnyMatches(IEnumerable<ReviewRule> rules, Ticket ticket, string? parentCategoryCode) =>
        rules.Any(r => r.Matches(ticket, parentCategoryCode));

    public bool Matches(Ticket ticket, string? parentCategoryCode) =>
        (Type is null || Type == ticket.Type)
        && (CategoryCode is null || CategoryCode == ticket.CategoryCode || CategoryCode == parentCategoryCode)
        && (Channel is null || Channel == ticket.Channel)
        && (!ReworkedOnly || ticket.ReworkCount > 0);
}
