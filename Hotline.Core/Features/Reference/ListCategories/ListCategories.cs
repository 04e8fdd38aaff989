using Hotline.Contracts.Reference;
using Hotline.Domain.Reference;
using MediatR;

namespace Hotline.Core.Features.Reference.ListCategories;

public sealed record ListCategories : IRequest<IReadOnlyList<CategoryDto>>;

public sealed class ListCategoriesHandler(ReferenceDataCache reference) : IRequestHandler<ListCategories, IReadOnlyList<CategoryDto>>
{
    public async Task<IReadOnlyList<CategoryDto>> Handle(ListCategories request, CancellationToken cancellationToken)
    {
        var categories = (await reference.GetAsync(cancellationToken)).Categories;
        return categories
            .Where(c => c.ParentCode is null)
            .OrderBy(c => c.Code, StringComparer.Ordinal)
            .Select(parent => new CategoryDto(
                parent.Code,
                parent.Name,
                categories.Where(c => c.ParentCode == parent.Code).OrderBy(c => c.Code, StringComparer.Ordinal).Select(ToDto).ToList()))
            .ToList();
    }

    public static CategoryChildDto ToDto(Category c) => new(c.Code, c.Name) { Keywords = c.KeywordList, Initials = PinyinInitials.Of(c.Name) };
}
