using FluentValidation;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Domain.Tickets;
using Hotline.Core.Features.Common;
using Knowledge = Hotline.Core.Features.Knowledge;
using MediatR;

namespace Hotline.Core.Features.Tickets.AnswerTicket;

/// <summary>直接办结: the agent answers on the spot.</summary>
public sealed record AnswerTicket(Guid TicketId, string? Answer, int? Version, Guid? ArticleId = null) : IRequest<TicketDto>;

public sealed class AnswerTicketValidator : AbstractValidator<AnswerTicket>
{
    public AnswerTicketValidator() =>
        RuleFor(x => x.Answer).NotEmpty().MaximumLength(Ticket.MaxContentLength).OverridePropertyName("answer");
}

public sealed class AnswerTicketHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time) : IRequestHandler<AnswerTicket, TicketDto>
{
    public async Task<TicketDto> Handle(AnswerTicket request, CancellationToken cancellationToken)
    {
        var (actor, now) = (currentUser.Actor, time.GetUtcNow());
        var ticket = await db.Tickets.LoadForChangeAsync(request.TicketId, actor, request.Version, cancellationToken);
        ticket.AnswerOnSpot(request.Answer!.Trim(), actor, now);
        if (request.ArticleId is { } articleId)
        {
            ticket.CiteArticle(articleId, await Knowledge.KnowledgeUse.PublishedVersionAsync(db, articleId, cancellationToken));
        }

        await db.SaveChangesAsync(cancellationToken);
        return await TicketReader.ReadAfterChangeAsync(db, ticket, actor, now, cancellationToken);
    }
}
