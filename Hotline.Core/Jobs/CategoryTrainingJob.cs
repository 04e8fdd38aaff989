using Hangfire;
using Hotline.Core.Features.Intelligence.StartTraining;
using Hotline.Core.Features.Intelligence.TrainCategoryModel;
using Hotline.Domain.Common;
using MediatR;

namespace Hotline.Core.Jobs;

/// <summary>Trains one category model (docs/intelligence.md); the weekly run starts a training like an Admin would.</summary>
public sealed class CategoryTrainingJob(IMediator mediator)
{
    public const string RetrainId = "category-model-retrain";

    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(Guid modelId, CancellationToken ct) => mediator.Send(new TrainCategoryModel(modelId), ct);

    /// <summary>The weekly retraining: nothing to do when a training runs or there are too few orders.</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task RetrainAsync(CancellationToken ct)
    {
        try
        {
            await mediator.Send(new StartTraining(Scheduled: true), ct);
        }
        catch (DomainException)
        {
            // A training already runs, or the history is still too short: next week's run tries again.
        }
    }
}
