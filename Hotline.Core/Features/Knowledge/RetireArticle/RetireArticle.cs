using FluentValidation;
using Hotline.Contracts.Knowledge;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Knowledge.Search;
using Hotline.Domain.Knowledge;
using MediatR;

namespace Hotline.Core.Features.Knowledge.RetireArticle;

/// <summary>下线: the article is no longer found or shown; its versions stay readable for history.</summary>
public sealed record RetireArticle(Guid ArticleId, string? Note, int? Version) : IRequest<ArticleDto>;

public sealed class RetireArticleValidator : AbstractValidator<RetireArticle>
{
    public RetireArticleValidator() => RuleFor(x => x.Note).MaximumLength(KnowledgeArticle.MaxNoteLength).OverridePropertyName("note");
}

public sealed class RetireArticleHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time, KnowledgeIndexSync sync) : IRequestHandler<RetireArticle, ArticleDto>
{
    public async Task<ArticleDto> Handle(RetireArticle request, CancellationToken cancellationToken)
    {
        var (actor, now) = (currentUser.Actor, time.GetUtcNow());
        var article = await KnowledgeReader.LoadForChangeAsync(db, request.ArticleId, cancellationToken);
        article.Retire(request.Note, request.Version, actor, now);
        KnowledgeChanges.Record(db, article.Id, now);
        await db.SaveChangesAsync(cancellationToken);
        await sync.CatchUpAsync(cancellationToken);
        return await KnowledgeReader.ToDtoAsync(db, article, actor, now, cancellationToken);
    }
}
