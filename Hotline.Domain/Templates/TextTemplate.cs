using Hotline.Contracts;
using Hotline.Contracts.Templates;

namespace Hotline.Domain.Templates;

/// <summary>
/// A 常用语, 工单模板 or 答复模板 (one table, told apart by <see cref="Kind"/>). Supervisors and administrators edit the
/// centre's; a unit's staff edit their own unit's reply templates.
/// </summary>
public sealed class TextTemplate
{
    public const int MaxNameLength = 30;
    public const int MaxBodyLength = 1000;
    public const int MaxSortOrder = 9999;

    private TextTemplate()
    {
        Name = string.Empty;
        Body = string.Empty;
    }

    public TextTemplate(Guid id, TextTemplateKind kind, Guid? unitId, string name, string body, int sortOrder, DateTimeOffset now, string? updatedBy)
    {
        Id = id;
        Kind = kind;
        UnitId = unitId;
        Name = name;
        Body = body;
        SortOrder = sortOrder;
        IsActive = true;
        UpdatedAt = now;
        UpdatedBy = updatedBy;
    }

    public Guid Id { get; private set; }

    public TextTemplateKind Kind { get; private set; }

    /// <summary>The unit a reply template belongs to; null for the centre's (every template of the other kinds).</summary>
    public Guid? UnitId { get; private set; }

    public string Name { get; private set; }

    public string Body { get; private set; }

    public int SortOrder { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>What an order template fills in (a reply template may name the category it suits).</summary>
    public string? CategoryCode { get; private set; }

    public TicketType? Type { get; private set; }

    public Urgency? Urgency { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The login of the last editor; null for the seeded text.</summary>
    public string? UpdatedBy { get; private set; }

    public void Edit(string name, string body, int sortOrder, bool isActive, DateTimeOffset now, string? updatedBy)
    {
        Name = name;
        Body = body;
        SortOrder = sortOrder;
        IsActive = isActive;
        UpdatedAt = now;
        UpdatedBy = updatedBy;
    }

    public void SetOrderFields(string? categoryCode, TicketType? type, Urgency? urgency)
    {
        CategoryCode = categoryCode;
        Type = type;
        Urgency = urgency;
    }
}
