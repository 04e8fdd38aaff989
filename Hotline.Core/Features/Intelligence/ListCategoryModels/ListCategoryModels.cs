using Hotline.Contracts.Intelligence;
using Hotline.Core.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Intelligence.ListCategoryModels;

/// <summary>The models, newest first (the model page's list).</summary>
public sealed record ListCategoryModels : IRequest<IReadOnlyList<CategoryModelDto>>;

public sealed class ListCategoryModelsHandler(HotlineDbContext db) : IRequestHandler<ListCategoryModels, IReadOnlyList<CategoryModelDto>>
{
    public async Task<IReadOnlyList<CategoryModelDto>> Handle(ListCategoryModels request, CancellationToken cancellationToken) =>
        (await CategoryModelMapping.WithoutBytes(db.Set<CategoryModel>().AsNoTracking().OrderByDescending(m => m.Version).Take(100)).ToListAsync(cancellationToken))
        .Select(CategoryModelMapping.ToDto).ToList();
}
