namespace Hotline.Contracts.Reference;

/// <summary>A unit of the unit tree; <c>phone</c>: its duty phone (值班电话) that agents transfer callers to, if known.</summary>
public sealed record UnitDto(Guid Id, string Code, string Name, UnitKind Kind, Guid? ParentId, string? DistrictCode, string? Phone = null);

public sealed record UpsertUnitRequest(string? Code, string? Name, UnitKind? Kind, Guid? ParentId, string? DistrictCode, string? Phone = null);

public sealed record StreetDto(string Code, string Name);

/// <summary>A district; lists come in the official order (<see cref="SortOrder"/>), its streets in theirs.</summary>
public sealed record RegionDto(string Code, string Name, IReadOnlyList<StreetDto> Streets)
{
    public int SortOrder { get; init; }
}

/// <summary><see cref="Streets"/> in the official order; <see cref="SortOrder"/> is the district's place in the official list.</summary>
public sealed record UpsertRegionRequest(string? Code, string? Name, IReadOnlyList<StreetDto>? Streets)
{
    public int? SortOrder { get; init; }
}

/// <summary>
/// A leaf category. <see cref="Keywords"/>: what callers say for it (没水, 自来水 for 停水), searched with the name;
/// <see cref="Initials"/>: the pinyin initials of the name (ts for 停水), computed, read-only.
/// </summary>
public sealed record CategoryChildDto(string Code, string Name)
{
    public IReadOnlyList<string>? Keywords { get; init; }

    public string? Initials { get; init; }
}

public sealed record CategoryDto(string Code, string Name, IReadOnlyList<CategoryChildDto> Children);

public sealed record UpsertCategoryRequest(string? Code, string? Name, IReadOnlyList<CategoryChildDto>? Children);

public sealed record DispatchRuleDto(Guid Id, string CategoryCode, string? DistrictCode, string? StreetCode, Guid UnitId);

public sealed record UpsertDispatchRuleRequest(string? CategoryCode, string? DistrictCode, string? StreetCode, Guid? UnitId);

public sealed record LimitDto(int Value, LimitUnit Unit);

public sealed record SlaPolicyDto(Urgency Tier, LimitDto Accept, LimitDto Contact, LimitDto Reply);

public sealed record UpsertSlaPolicyRequest(LimitDto? Accept, LimitDto? Contact, LimitDto? Reply);

public sealed record SlaPreviewDto(DateTimeOffset AcceptDueAt, DateTimeOffset ContactDueAt, DateTimeOffset ReplyDueAt);

public sealed record CalendarDayDto(DateOnly Date, CalendarDayKind Kind, string Name);

/// <summary>One rule of 办结审核: every condition set must hold (a category matches itself and its children); none set matches every order.</summary>
public sealed record ReviewRuleDto(Guid Id, TicketType? Type, string? CategoryCode, Channel? Channel, bool ReworkedOnly);

public sealed record UpsertReviewRuleRequest(TicketType? Type, string? CategoryCode, Channel? Channel, bool? ReworkedOnly);
