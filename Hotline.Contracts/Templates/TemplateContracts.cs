namespace Hotline.Contracts.Templates;

/// <summary>What a stored text is for: a 常用语 for the agent's demand text, an 工单模板 that fills the intake form, or a 答复模板 for a unit's reply.</summary>
public enum TextTemplateKind
{
    Phrase,
    OrderTemplate,
    ReplyTemplate,
}

/// <summary>
/// A 常用语, 工单模板 or 答复模板. An order template also carries the category, type and urgency it fills in; a reply
/// template is centre-wide (<see cref="UnitId"/> null) or a unit's own. Placeholders in braces ({地点}) are left for the
/// agent to overwrite; a reply template's {工单编号}, {称呼} and {分类} are filled from the order.
/// </summary>
public sealed record TextTemplateDto(
    Guid Id,
    TextTemplateKind Kind,
    string Name,
    string Body,
    int SortOrder,
    bool IsActive,
    string? CategoryCode,
    TicketType? Type,
    Urgency? Urgency,
    Guid? UnitId,
    DateTimeOffset UpdatedAt);

/// <summary>
/// Creates or replaces a template. <see cref="SortOrder"/> left out keeps the current place (a new one goes last);
/// <see cref="IsActive"/> left out keeps the state (a new one is active).
/// </summary>
public sealed record UpsertTextTemplateRequest(
    string? Name,
    string? Body,
    int? SortOrder = null,
    bool? IsActive = null,
    string? CategoryCode = null,
    TicketType? Type = null,
    Urgency? Urgency = null,
    Guid? UnitId = null);
