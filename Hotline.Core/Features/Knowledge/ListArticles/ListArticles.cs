using FluentValidation;
using Hotline.Contracts.Knowledge;
using Hotline.Core.Data;
using Hotline.Domain.Knowledge;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Knowledge.ListArticles;

/// <summary>The editors' list and the reviewers' queue (status=InReview), newest change first; q matches the title.</summary>
public sealed record ListArticles(ArticleStatus? Status, string? Q, int Page, int PageSize) : IRequest<IReadOnlyList<ArticleSummaryDto>>;

public sealed class ListArticlesValidator : AbstractValidator<ListArticles>
{
    public ListArticlesValidator()
    {
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1).OverridePropertyName("page");
        RuleFor(x => x.PageSize).InclusiveBetween(1, 200).OverridePropertyName("pageSize");
        RuleFor(x => x.Q).MaximumLength(100).OverridePropertyName("q");
    }
}

public sealed class ListArticlesHandler(HotlineDbContext db, TimeProvider time) : IRequestHandler<ListArticles, IReadOnlyList<ArticleSummaryDto>>
{
    public async Task<IReadOnlyList<ArticleSummaryDto>> Handle(ListArticles request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var articles = db.Set<KnowledgeArticle>().AsNoTracking();
        if (request.Status is { } status)
        {
            articles = articles.Where(a => a.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(request.Q))
        {
            var q = request.Q.Trim();
            articles = articles.Where(a => a.Title.Contains(q) || a.ExternalId == q);
        }

        var page = await articles
            .OrderByDescending(a => a.UpdatedAt).ThenBy(a => a.Id)
            .Skip((request.Page - 1) * request.PageSize).Take(request.PageSize)
            .Join(db.Set<KnowledgeArticleVersion>(), a => new { a.Id, Number = a.Version }, v => new { Id = v.ArticleId, v.Number },
                (a, v) => new { a.Id, a.ExternalId, a.Title, a.Status, v.Audience, a.Version, v.ValidTo, a.AuthorName, a.UpdatedAt })
            .ToListAsync(cancellationToken);
        var stats = await KnowledgeReader.StatsAsync(db, page.Select(a => a.Id).ToList(), cancellationToken);
        return page
            .OrderByDescending(a => a.UpdatedAt).ThenBy(a => a.Id)
            .Select(a => new ArticleSummaryDto(a.Id, a.ExternalId, a.Title, a.Status, KnowledgeLabels.Status(a.Status), a.Audience, a.Version,
                a.ValidTo is { } to && to < now, a.AuthorName, a.UpdatedAt, stats[a.Id]))
            .ToList();
    }
}
