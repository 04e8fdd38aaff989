using FluentValidation;
using Hotline.Contracts.Assist;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Knowledge;
using Hotline.Core.Features.Knowledge.Search;
using Hotline.Core.Features.Tickets;
using Hotline.Domain.Knowledge;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Assist.DraftAnswer;

/// <summary>
/// 答复草稿: a draft of a unit's reply to an order, written by the model from the most relevant published
/// knowledge article the caller may see (the knowledge search on the order's text, its category boosting). No
/// article → no draft and no model call. Nothing is saved: the person replying accepts or edits it.
/// </summary>
public sealed record DraftAnswer(Guid? TicketId) : IRequest<AssistDraftDto>;

public sealed class DraftAnswerValidator : AbstractValidator<DraftAnswer>
{
    public DraftAnswerValidator() => RuleFor(x => x.TicketId).NotNull().NotEqual(Guid.Empty).OverridePropertyName("ticketId");
}

public sealed class DraftAnswerHandler(HotlineDbContext db, AssistChat chat, KnowledgeIndex knowledge, KnowledgeIndexSync knowledgeSync, ICurrentUser currentUser, TimeProvider time)
    : IRequestHandler<DraftAnswer, AssistDraftDto>
{
    public const int MaxArticleLength = 3000;

    private const string Instructions =
        "你是12345政务服务便民热线承办单位的答复助手。请只依据给出的知识库条目，为市民的诉求起草一段答复（200字以内），"
        + "以“您好，”开头，语气礼貌，说明办理依据、办理方式和可以联系的渠道；条目没有写到的内容不要编造，也不要承诺办理结果。只输出答复正文。";

    public async Task<AssistDraftDto> Handle(DraftAnswer request, CancellationToken cancellationToken)
    {
        if (!chat.Enabled)
        {
            throw new AssistDisabledException();
        }

        var actor = currentUser.Actor;
        var ticket = await db.Tickets.AsNoTracking().VisibleTo(actor).Where(t => t.Id == request.TicketId)
            .Select(t => new { t.Content, t.CategoryCode })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("工单", request.TicketId!.Value);

        await knowledgeSync.WaitReadyAsync(cancellationToken);
        var query = ticket.Content.Length > KnowledgeSearch.MaxQueryLength ? ticket.Content[..KnowledgeSearch.MaxQueryLength] : ticket.Content;
        var hit = knowledge.Search(new IndexQuery(query, 1, time.GetUtcNow(), InternalOwnerUnitId: actor.UnitId, RestrictInternalToUnit: KnowledgeAccess.InternalLimitedToUnit(actor), CategoryCode: ticket.CategoryCode)).Items.FirstOrDefault();
        if (hit is null)
        {
            return new AssistDraftDto(null, null, null, chat.Model);
        }

        var article = await db.Set<KnowledgeArticle>().AsNoTracking().Where(a => a.Id == hit.Id && a.PublishedVersion != null)
            .Join(db.Set<KnowledgeArticleVersion>().AsNoTracking(), a => new { a.Id, Number = a.PublishedVersion!.Value }, v => new { Id = v.ArticleId, v.Number }, (a, v) => new { v.Title, v.Body })
            .FirstOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return new AssistDraftDto(null, null, null, chat.Model); // retired since the index saw it
        }

        var body = MarkdownRenderer.ToPlainText(article.Body);
        var prompt = $"市民诉求：\n{ticket.Content}\n\n知识库条目《{article.Title}》：\n{(body.Length > MaxArticleLength ? body[..MaxArticleLength] : body)}";
        var draft = await chat.CompleteAsync(Instructions, prompt, cancellationToken);
        return new AssistDraftDto(draft, hit.Id, article.Title, chat.Model);
    }
}
