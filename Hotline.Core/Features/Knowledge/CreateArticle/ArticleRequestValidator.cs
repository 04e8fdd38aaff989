using FluentValidation;
using Hotline.Contracts.Knowledge;
using Hotline.Core.Features.Reference;
using Hotline.Domain.Knowledge;

namespace Hotline.Core.Features.Knowledge.CreateArticle;

/// <summary>The shape of an article as an editor sends it (create and edit share it).</summary>
public sealed class ArticleRequestValidator : AbstractValidator<ArticleRequest>
{
    public ArticleRequestValidator(ReferenceDataCache reference)
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(ArticleContent.MaxTitleLength).OverridePropertyName("title");
        RuleFor(x => x.Body).NotEmpty().MaximumLength(ArticleContent.MaxBodyLength).OverridePropertyName("body");
        RuleFor(x => x.Audience).NotNull().IsInEnum().OverridePropertyName("audience");
        RuleFor(x => x.ExternalId).MaximumLength(KnowledgeArticle.MaxExternalIdLength).OverridePropertyName("externalId");
        foreach (var (list, name) in new (Func<ArticleRequest, IReadOnlyList<string>?>, string)[] { (x => x.Keywords, "keywords"), (x => x.Synonyms, "synonyms"), (x => x.Tags, "tags"), (x => x.CategoryCodes, "categoryCodes") })
        {
            RuleFor(x => list(x)).Must(l => l is null || (l.Count <= ArticleContent.MaxTerms && l.All(t => t is not null && t.Length <= ArticleContent.MaxTermLength)))
                .WithMessage($"最多 {ArticleContent.MaxTerms} 个，每个不超过 {ArticleContent.MaxTermLength} 字。").OverridePropertyName(name);
        }

        RuleFor(x => x.CategoryCodes)
            .MustAsync(async (codes, ct) => (await reference.GetAsync(ct)).CategoriesByCode is var known && codes!.All(c => c is not null && known.ContainsKey(c.Trim())))
            .When(x => x.CategoryCodes is { Count: > 0 })
            .WithMessage("分类代码不存在。").OverridePropertyName("categoryCodes");
        RuleFor(x => x.OwnerUnitId)
            .MustAsync(async (id, ct) => (await reference.GetAsync(ct)).UnitsById.ContainsKey(id!.Value))
            .When(x => x.OwnerUnitId is not null)
            .WithMessage("责任单位不存在。").OverridePropertyName("ownerUnitId");
        RuleFor(x => x.ValidTo).GreaterThan(x => x.ValidFrom!.Value).When(x => x.ValidFrom is not null && x.ValidTo is not null)
            .WithMessage("有效期结束时间须晚于开始时间。").OverridePropertyName("validTo");
    }

    public static ArticleContent ToContent(ArticleRequest body) => ArticleContent.Create(
        body.Title!, body.Body!, body.Audience!.Value, body.Keywords, body.Synonyms, body.CategoryCodes?.Select(c => c.Trim()), body.Tags, body.OwnerUnitId, body.ValidFrom, body.ValidTo);
}
