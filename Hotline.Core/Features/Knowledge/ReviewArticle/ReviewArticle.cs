using FluentValidation;
using Hotline.Contracts.Knowledge;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Knowledge.Search;
using Hotline.Domain.Knowledge;
using MediatR;

namespace Hotline.Core.Features.Knowledge.ReviewArticle;

/// <summary>审核发布 / 退回: a Supervisor or Admin who is not the author publishes the submitted version or sends it back with a note.</summary>
public sealed record ReviewArticle(Guid ArticleId, bool Approve, string? Note, int? Version) : IRequest<ArticleDto>;

public sealed class ReviewArticleValidator : AbstractValidator<ReviewArticle>
{
    public ReviewArticleValidator()
    {
        RuleFor(x => x.Note).MaximumLength(KnowledgeArticle.MaxNoteLength).OverridePropertyName("note");
        RuleFor(x => x.Note).NotEmpty().When(x => !x.Approve).WithMessage("退回时须填写退回意见。").OverridePropertyName("note");
    }
}

public sealed class ReviewArticleHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time, KnowledgeIndexSync sync) : IRequestHandler<ReviewArticle, ArticleDto>
{
    public async Task<ArticleDto> Handle(ReviewArticle request, CancellationToken cancellationToken)
    {
        var (actor, now) = (currentUser.Actor, time.GetUtcNow());
        var article = await KnowledgeReader.LoadForChangeAsync(db, request.ArticleId, cancellationToken);
        article.Review(request.Approve, request.Note, request.Version, actor, now);
        KnowledgeChanges.Record(db, article.Id, now);
        await db.SaveChangesAsync(cancellationToken);
        await sync.CatchUpAsync(cancellationToken);
        return await KnowledgeReader.ToDtoAsync(db, article, actor, now, cancellationToken);
    }
}
