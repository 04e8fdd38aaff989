using Hotline.Contracts.Intelligence;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Intelligence.GetCategoryModel;

/// <summary>One model by id, or (<see cref="ActiveOnly"/>) the active one: 409 when no model is active.</summary>
public sealed record GetCategoryModel(Guid? Id, bool ActiveOnly = false) : IRequest<CategoryModelDto>;

public sealed class GetCategoryModelHandler(HotlineDbContext db) : IRequestHandler<GetCategoryModel, CategoryModelDto>
{
    public async Task<CategoryModelDto> Handle(GetCategoryModel request, CancellationToken cancellationToken)
    {
        var query = CategoryModelMapping.WithoutBytes(db.Set<CategoryModel>().AsNoTracking()
            .Where(m => request.ActiveOnly ? m.Active : m.Id == request.Id)
            .OrderByDescending(m => m.ActivatedAt));
        var model = await query.FirstOrDefaultAsync(cancellationToken);
        return model is not null
            ? CategoryModelMapping.ToDto(model)
            : request.ActiveOnly ? throw new NoActiveModelException() : throw new NotFoundException("分类模型", request.Id!);
    }
}

public sealed class NoActiveModelException()
    : DomainException("尚无启用的智能分类模型：请管理员导入历史工单并训练模型（POST /api/intelligence/category-models）。");
