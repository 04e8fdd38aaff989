using Hotline.Contracts.Audit;
using Hangfire;
using Hotline.Contracts.Intelligence;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Core.Jobs;
using Hotline.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Intelligence.StartTraining;

/// <summary>
/// 训练分类模型: records a model in status Training and hands the training to the job server (Hangfire), so it runs on a
/// worker and, with database job storage, survives a restart. One training at a time (409 otherwise); too few
/// closed orders is a 409 as well. A training left running past the timeout (its process died) is marked failed first.
/// </summary>
public sealed record StartTraining(bool Scheduled = false) : IRequest<CategoryModelDto>, Hotline.Core.Features.Audit.IAuditedRequest
{
    public string AuditAction => AuditActions.CategoryModelTrained;
    public string? AuditSummary => Scheduled ? "定时训练分类模型" : "训练分类模型";
    public bool AuditCapturesChanges => false;
}

public sealed class StartTrainingHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time, IBackgroundJobClient jobs, IOptions<IntelligenceOptions> options)
    : IRequestHandler<StartTraining, CategoryModelDto>
{
    public async Task<CategoryModelDto> Handle(StartTraining request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var limits = options.Value;
        var stale = now - limits.TrainingTimeout;
        await db.Set<CategoryModel>().Where(m => m.Status == CategoryModelStatus.Training && m.RequestedAt < stale)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, CategoryModelStatus.Failed).SetProperty(m => m.TrainingLock, (bool?)null)
                .SetProperty(m => m.Error, "训练超时未完成（进程可能已中止）。"), cancellationToken);

        if (await db.Set<CategoryModel>().AnyAsync(m => m.Status == CategoryModelStatus.Training, cancellationToken))
        {
            throw new TrainingRunningException();
        }

        var usable = await TrainingSet.Usable(db).CountAsync(cancellationToken);
        if (usable < limits.MinSamples)
        {
            throw new DomainException($"训练样本不足：需要至少 {limits.MinSamples} 条已办结工单（含历史导入），现有 {usable} 条。");
        }

        var model = new CategoryModel
        {
            Id = Guid.NewGuid(),
            Version = (await db.Set<CategoryModel>().MaxAsync(m => (int?)m.Version, cancellationToken) ?? 0) + 1,
            FormatVersion = TextFeaturizer.FormatVersion,
            Status = CategoryModelStatus.Training,
            TrainingLock = true,
            RequestedBy = request.Scheduled ? "system" : currentUser.Actor.UserName,
            RequestedAt = now,
        };
        db.Add(model);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request started a training (the unique lock) or took the version at the same moment.
            throw new TrainingRunningException();
        }

        jobs.Enqueue<CategoryTrainingJob>(job => job.RunAsync(model.Id, CancellationToken.None));
        return CategoryModelMapping.ToDto(model);
    }
}

public sealed class TrainingRunningException() : DomainException("已有分类模型正在训练，请等它完成后再试。");
