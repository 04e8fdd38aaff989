using Hotline.Contracts.Intelligence;

namespace Hotline.Core.Features.Intelligence;

/// <summary>
/// One trained (or training) category model: its evaluation on the held-out orders and the ML.NET model itself
/// (<see cref="Bytes"/>, checked by <see cref="Sha256"/>), stored in the database so that every API node loads the
/// same active model. <see cref="FormatVersion"/> is the featurizing it was trained with: a node refuses a model of
/// another format rather than feeding it text featurized differently.
/// </summary>
public sealed class CategoryModel
{
    public Guid Id { get; set; }

    /// <summary>1, 2, 3…: the order in which models were requested (unique).</summary>
    public int Version { get; set; }

    public int FormatVersion { get; set; }

    public CategoryModelStatus Status { get; set; }

    /// <summary>true while training, null otherwise: a unique index lets only one training run at a time.</summary>
    public bool? TrainingLock { get; set; }

    public string RequestedBy { get; set; } = string.Empty;

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset? TrainedAt { get; set; }

    /// <summary>Orders trained on (the held-out ones not included).</summary>
    public int Samples { get; set; }

    public int TestSamples { get; set; }

    /// <summary>The evaluation as JSON (<see cref="ModelEvaluationDto"/>).</summary>
    public string? EvaluationJson { get; set; }

    public double? MacroF1 { get; set; }

    public byte[]? Bytes { get; set; }

    public string? Sha256 { get; set; }

    public bool Active { get; set; }

    public DateTimeOffset? ActivatedAt { get; set; }

    /// <summary>Why the model was or was not activated (the comparison with the one active then).</summary>
    public string? ActivationNote { get; set; }

    public string? Error { get; set; }
}
