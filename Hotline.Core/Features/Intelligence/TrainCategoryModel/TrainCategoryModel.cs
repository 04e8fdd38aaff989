using System.Diagnostics;
using System.Text.Json;
using Hotline.Contracts.Intelligence;
using Hotline.Core.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Intelligence.TrainCategoryModel;

/// <summary>
/// The training job's work: featurize the closed orders, train an evaluation model on all but the held-out ones and
/// evaluate it on those, train the served model on all of them, score the active model's evaluation model on the same
/// held-out orders, store both models and activate the new one when the rule says so
/// (<see cref="ActivationRule"/>). Safe to run twice: a model no longer in training is left alone. A failure
/// marks the model Failed with the reason; the active one stays.
/// </summary>
public sealed record TrainCategoryModel(Guid ModelId) : IRequest<CategoryModelStatus>;

public sealed partial class TrainCategoryModelHandler(
    HotlineDbContext db, TextFeaturizer featurizer, ActiveCategoryModel active, TimeProvider time, IOptions<IntelligenceOptions> options, ILogger<TrainCategoryModelHandler> logger)
    : IRequestHandler<TrainCategoryModel, CategoryModelStatus>
{
    public async Task<CategoryModelStatus> Handle(TrainCategoryModel request, CancellationToken cancellationToken)
    {
        var model = await db.Set<CategoryModel>().FirstOrDefaultAsync(m => m.Id == request.ModelId, cancellationToken);
        if (model is null || model.Status != CategoryModelStatus.Training)
        {
            return model?.Status ?? CategoryModelStatus.Failed;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var set = await TrainingSet.LoadAsync(db, options.Value, cancellationToken);
            if (set.Train.Select(s => s.Label).Distinct().Count() < 2 || set.Test.Count == 0)
            {
                throw new InvalidOperationException($"训练样本不足：训练集 {set.Train.Count} 条、测试集 {set.Test.Count} 条，至少需要两个类别和一条测试样本。");
            }

            var (evaluated, served) = CategoryClassifier.TrainWithHoldOut(set.Train, set.Test, featurizer);
            var evaluation = ModelEvaluator.Evaluate(TrainingSet.Score(evaluated, set.Test));
            var (bytes, sha) = served.Serialize(evaluated);
            var (activeVersion, activeScore) = await ScoreActiveAsync(set.Test, cancellationToken);
            var (activate, note) = ActivationRule.Decide(evaluation.MacroF1, activeScore, activeVersion);

            var now = time.GetUtcNow();
            model.Status = CategoryModelStatus.Ready;
            model.TrainingLock = null;
            model.TrainedAt = now;
            model.Samples = set.Train.Count;
            model.TestSamples = set.Test.Count;
            model.EvaluationJson = JsonSerializer.Serialize(evaluation, CategoryModelMapping.Json);
            model.MacroF1 = evaluation.MacroF1;
            model.Bytes = bytes;
            model.Sha256 = sha;
            model.ActivationNote = note;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (activate)
            {
                await db.Set<CategoryModel>().Where(m => m.Active && m.Id != model.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Active, false), cancellationToken);
                model.Active = true;
                model.ActivatedAt = now;
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (activate)
            {
                // This node serves the new model at once; the others follow at their next refresh.
                await active.RefreshAsync(db, cancellationToken);
            }

            LogTrained(model.Version, set.Train.Count, set.Test.Count, evaluation.MacroF1, Stopwatch.GetElapsedTime(started).TotalSeconds, activate);
            return CategoryModelStatus.Ready;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            db.ChangeTracker.Clear();
            LogFailed(model.Version, e);
            await db.Set<CategoryModel>().Where(m => m.Id == request.ModelId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, CategoryModelStatus.Failed).SetProperty(m => m.TrainingLock, (bool?)null)
                    .SetProperty(m => m.Error, e.Message.Length > 1000 ? e.Message[..1000] : e.Message), CancellationToken.None);
            return CategoryModelStatus.Failed;
        }
    }

    /// <summary>
    /// The active model's macro-F1 on the new held-out orders, scored with its evaluation model (trained, like the new
    /// one's, without the held-out orders: the split is by id); its version and null when it cannot be loaded; nothing
    /// when none is active.
    /// </summary>
    private async Task<(int? Version, double? MacroF1)> ScoreActiveAsync(IReadOnlyList<CategorySample> test, CancellationToken ct)
    {
        var current = await db.Set<CategoryModel>().AsNoTracking().Where(m => m.Active).OrderByDescending(m => m.ActivatedAt)
            .Select(m => new { m.Version, m.Bytes, m.Sha256, m.FormatVersion }).FirstOrDefaultAsync(ct);
        if (current is null)
        {
            return (null, null);
        }

        try
        {
            var classifier = ActiveCategoryModel.Open(current.Bytes, current.Sha256, current.FormatVersion, ModelPart.Evaluation);
            return (current.Version, ModelEvaluator.Evaluate(TrainingSet.Score(classifier, test)).MacroF1);
        }
        catch (InvalidDataException)
        {
            return (current.Version, null);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Category model v{Version}: {Train} training and {Test} held-out orders, macro-F1 {MacroF1}, {Seconds:0.0} s, activated {Activated}")]
    private partial void LogTrained(int version, int train, int test, double macroF1, double seconds, bool activated);

    [LoggerMessage(Level = LogLevel.Error, Message = "Category model v{Version} failed to train")]
    private partial void LogFailed(int version, Exception error);
}
