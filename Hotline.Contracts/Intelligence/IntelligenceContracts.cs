using Hotline.Contracts.Knowledge;

namespace Hotline.Contracts.Intelligence;

/// <summary>One line of a history import (docs/intelligence.md): an order closed in the centre's previous system.</summary>
public sealed record HistoryOrderLine(
    string? ExternalId,
    string? Content,
    string? CategoryCode,
    string? DistrictCode,
    string? StreetCode,
    string? LeadUnitCode,
    string? Type,
    string? Channel,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? ClosedAt,
    string? Answer);

/// <summary>What a history import did: orders created, lines already imported (same externalId), and each bad line.</summary>
public sealed record HistoryImportResult(int Created, int Unchanged, IReadOnlyList<ImportError> Errors);

public enum CategoryModelStatus { Training, Ready, Failed }

public sealed record CategoryScoreDto(string Code, double Precision, double Recall, double F1, int Support);

/// <summary>Measured on the held-out orders: accuracy, macro-F1 (the mean of the per-category F1) and each category.</summary>
public sealed record ModelEvaluationDto(double Accuracy, double MacroF1, IReadOnlyList<CategoryScoreDto> PerCategory);

public sealed record CategoryModelDto(
    Guid Id,
    int Version,
    CategoryModelStatus Status,
    int Samples,
    int TestSamples,
    DateTimeOffset RequestedAt,
    DateTimeOffset? TrainedAt,
    ModelEvaluationDto? Evaluation,
    bool Active,
    DateTimeOffset? ActivatedAt,
    string? ActivationNote,
    string? Error);

public sealed record ClassifyRequest(string? Content, string? DistrictCode, string? StreetCode);

public sealed record CategoryProbabilityDto(string Code, string Name, double Probability);

public sealed record SuggestedUnitDto(Guid UnitId, string Name, string Reason);

public sealed record ClassifyResult(Guid ModelId, IReadOnlyList<CategoryProbabilityDto> Categories, SuggestedUnitDto? Unit);

/// <summary>What the console showed when the order was registered: the model and the category it put first.</summary>
public sealed record CategorySuggestionDto(Guid? ModelId, string? Code);

public sealed record AcceptanceCellDto(int Suggested, int Accepted, double? Rate);

public sealed record AcceptanceWeekDto(string Week, DateOnly From, DateOnly To, int Suggested, int Accepted, double? Rate);

public sealed record AcceptanceCategoryDto(string Code, string Name, int Suggested, int Accepted, double? Rate);

public sealed record ConfusionPairDto(string SuggestedCode, string SuggestedName, string ChosenCode, string ChosenName, int Count);

/// <summary>采纳率: how often the agent kept the category the model put first, per ISO week and per suggested category, and what was chosen instead.</summary>
public sealed record SuggestionAcceptanceDto(
    DateOnly From,
    DateOnly To,
    Guid? ModelId,
    int Suggested,
    int Accepted,
    double? Rate,
    IReadOnlyList<AcceptanceWeekDto> Weeks,
    IReadOnlyList<AcceptanceCategoryDto> Categories,
    IReadOnlyList<ConfusionPairDto> Confusion);
