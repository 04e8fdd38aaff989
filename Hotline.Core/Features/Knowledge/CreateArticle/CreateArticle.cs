using FluentValidation;
using Hotline.Contracts.Knowledge;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Knowledge.Search;
using Hotline.Domain.Common;
using Hotline.Domain.Knowledge;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Knowledge.CreateArticle;

/// <summary>新建草稿: a knowledge editor writes a draft; nobody but editors and reviewers sees it until it is published.</summary>
public sealed record CreateArticle(ArticleRequest Body) : IRequest<ArticleDto>;

public sealed class CreateArticleValidator : AbstractValidator<CreateArticle>
{
    public CreateArticleValidator(Reference.ReferenceDataCache reference) =>
        RuleFor(x => x.Body).SetValidator(new ArticleRequestValidator(reference));
}

public sealed class CreateArticleHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time, KnowledgeIndexSync sync) : IRequestHandler<CreateArticle, ArticleDto>
{
    public async Task<ArticleDto> Handle(CreateArticle request, CancellationToken cancellationToken)
    {
        var (actor, now) = (currentUser.Actor, time.GetUtcNow());
        var externalId = string.IsNullOrWhiteSpace(request.Body.ExternalId) ? null : request.Body.ExternalId.Trim();
        if (externalId is not null && await db.Set<KnowledgeArticle>().AnyAsync(a => a.ExternalId == externalId, cancellationToken))
        {
            throw new DomainException($"外部编号 {externalId} 已被其他条目使用。");
        }

        var article = KnowledgeArticle.Draft(Guid.NewGuid(), ArticleRequestValidator.ToContent(request.Body), externalId, actor, now);
        db.Set<KnowledgeArticle>().Add(article);
        KnowledgeChanges.Record(db, article.Id, now);
        await db.SaveChangesAsync(cancellationToken);
        await sync.CatchUpAsync(cancellationToken);
        return await KnowledgeReader.ToDtoAsync(db, article, actor, now, cancellationToken);
    }
}
