using Hotline.Contracts.Audit;
using Hotline.Contracts.Intelligence;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hotline.Core.Features.Intelligence.ActivateCategoryModel;

/// <summary>
/// 启用模型 (Admin): makes a Ready model the active one whatever its score. The stored model is loaded first: one
/// that cannot be (checksum, format, ML.NET) is refused with 409 and logged, and the active model stays.
/// </summary>
public sealed record ActivateCategoryModel(Guid Id) : IRequest<CategoryModelDto>, Hotline.Core.Features.Audit.IAuditedRequest
{
    public string AuditAction => AuditActions.CategoryModelActivated;
    public string? AuditTargetType => "CategoryModel";
    public string? AuditTargetId => Id.ToString();
    public bool AuditCapturesChanges => false;
}

public sealed partial class ActivateCategoryModelHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time, ActiveCategoryModel active, ILogger<ActivateCategoryModelHandler> logger)
    : IRequestHandler<ActivateCategoryModel, CategoryModelDto>
{
    public async Task<CategoryModelDto> Handle(ActivateCategoryModel request, CancellationToken cancellationToken)
    {
        var model = await db.Set<CategoryModel>().FirstOrDefaultAsync(m => m.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("分类模型", request.Id);
        if (model.Status != CategoryModelStatus.Ready)
        {
            throw new DomainException($"模型 v{model.Version} 状态为 {model.Status}，只有训练完成（Ready）的模型可以启用。");
        }

        try
        {
            ActiveCategoryModel.Open(model.Bytes, model.Sha256, model.FormatVersion);
        }
        catch (InvalidDataException e)
        {
            LogRefused(model.Version, model.Id, e.Message);
            throw new DomainException($"模型 v{model.Version} 的存储数据已损坏或格式不符，不能启用；在用模型保持不变。");
        }

        if (!model.Active)
        {
            var now = time.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Set<CategoryModel>().Where(m => m.Active && m.Id != model.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Active, false), cancellationToken);
            model.Active = true;
            model.ActivatedAt = now;
            model.ActivationNote = $"由管理员 {currentUser.Actor.UserName} 手动启用。";
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await active.RefreshAsync(db, cancellationToken);
        return CategoryModelMapping.ToDto(model);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Category model v{Version} ({ModelId}) refused for activation, it cannot be loaded: {Reason}")]
    private partial void LogRefused(int version, Guid modelId, string reason);
}
