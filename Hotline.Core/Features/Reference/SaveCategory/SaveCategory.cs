using Hotline.Contracts.Audit;
using FluentValidation;
using Hotline.Contracts.Reference;
using Hotline.Core.Data;
using Hotline.Domain.Common;
using Hotline.Domain.Reference;
using Hotline.Core.Features.Reference.ListCategories;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Reference.SaveCategory;

/// <summary>
/// Creates or changes a top-level category and its children (PUT /api/categories/{code}). Children missing
/// from the body are removed unless orders or rules still use them; a child's keywords are replaced when given.
/// </summary>
public sealed record SaveCategory(string Code, UpsertCategoryRequest Body) : IRequest<CategoryDto>, Hotline.Core.Features.Audit.IAuditedRequest
{
    public string AuditAction => AuditActions.CategorySaved;
    public string? AuditSummary => $"保存诉求分类：{Code} {Body.Name}";
    public string? AuditTargetType => "Category";
    public string? AuditTargetId => Code;
}

public sealed class SaveCategoryValidator : AbstractValidator<SaveCategory>
{
    public SaveCategoryValidator()
    {
        RuleFor(x => x.Code).MustBeCode().OverridePropertyName("code");
        RuleFor(x => x.Body.Name).MustBeName().OverridePropertyName("name");
        RuleFor(x => x.Body.Children).NotNull().OverridePropertyName("children");
        RuleForEach(x => x.Body.Children).NotNull().OverridePropertyName("children");
        RuleForEach(x => x.Body.Children).ChildRules(child =>
        {
            child.RuleFor(c => c.Code).MustBeCode();
            child.RuleFor(c => c.Name).MustBeName();
            child.RuleForEach(c => c.Keywords).NotEmpty().MaximumLength(20).WithMessage("关键词不能为空，最长 20 字。");
            child.RuleFor(c => c.Keywords).Must(k => k is null || string.Join(' ', k).Length <= 500).WithMessage("关键词合计最长 500 字。");
        }).OverridePropertyName("children");
        RuleFor(x => x.Body.Children).Must((x, c) => c!.Select(v => v.Code).Distinct().Count() == c!.Count && c.All(v => v.Code != x.Code))
            .When(x => x.Body.Children?.All(c => c is not null) == true).OverridePropertyName("children").WithMessage("分类代码重复。");
    }
}

public sealed class SaveCategoryHandler(HotlineDbContext db, ReferenceDataCache reference) : IRequestHandler<SaveCategory, CategoryDto>
{
    public async Task<CategoryDto> Handle(SaveCategory request, CancellationToken cancellationToken)
    {
        var all = await db.Categories.ToListAsync(cancellationToken);
        var parent = all.Find(c => c.Code == request.Code);
        if (parent is { ParentCode: not null })
        {
            throw new DomainException($"{request.Code} 是二级分类，不能作为一级分类保存。");
        }

        var wanted = request.Body.Children!.ToDictionary(c => c.Code, c => c.Name.Trim(), StringComparer.Ordinal);
        var keywords = request.Body.Children!.ToDictionary(c => c.Code, c => c.Keywords, StringComparer.Ordinal);
        if (all.Any(c => wanted.ContainsKey(c.Code) && c.ParentCode != request.Code))
        {
            throw new DomainException("有分类代码已被其他分类使用。");
        }

        if (parent is null)
        {
            parent = new Category(request.Code, request.Body.Name!.Trim(), null);
            db.Categories.Add(parent);
        }
        else
        {
            parent.Rename(request.Body.Name!.Trim());
        }

        var existingChildren = all.Where(c => c.ParentCode == request.Code).ToList();
        foreach (var removed in existingChildren.Where(c => !wanted.ContainsKey(c.Code)))
        {
            if (await db.Tickets.AnyAsync(t => t.CategoryCode == removed.Code, cancellationToken)
                || await db.DispatchRules.AnyAsync(r => r.CategoryCode == removed.Code, cancellationToken))
            {
                throw new DomainException($"分类 {removed.Code} 仍被工单或派单规则使用，不能删除。");
            }

            db.Categories.Remove(removed);
        }

        var children = new List<Category>();
        foreach (var (code, name) in wanted)
        {
            var child = existingChildren.Find(c => c.Code == code);
            if (child is null)
            {
                child = new Category(code, name, request.Code);
                db.Categories.Add(child);
            }
            else
            {
                child.Rename(name);
            }

            // Keywords left out (null) stay as they are; an empty list clears them.
            if (keywords[code] is { } words)
            {
                child.SetKeywords(words);
            }

            children.Add(child);
        }

        await db.SaveChangesAsync(cancellationToken);
        reference.Invalidate();
        return new CategoryDto(parent.Code, parent.Name, children.OrderBy(c => c.Code, StringComparer.Ordinal).Select(ListCategoriesHandler.ToDto).ToList());
    }
}
