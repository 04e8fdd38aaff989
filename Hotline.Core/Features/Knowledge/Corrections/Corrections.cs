using FluentValidation;
using Hotline.Contracts.Knowledge;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Domain.Knowledge;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Knowledge.Corrections;

/// <summary>纠错: a unit (or any staff member who can see the article) says what is wrong; it goes to the editors' queue.</summary>
public sealed record ProposeCorrection(Guid ArticleId, string? Text) : IRequest<CorrectionDto>;

/// <summary>The editors' correction queue, open ones first.</summary>
public sealed record ListCorrections(CorrectionStatus? Status) : IRequest<IReadOnlyList<CorrectionDto>>;

/// <summary>An editor accepts (and then edits the article) or rejects a correction, with a note.</summary>
public sealed record ResolveCorrection(Guid CorrectionId, bool Accept, string? Note) : IRequest<CorrectionDto>;

public sealed class ProposeCorrectionValidator : AbstractValidator<ProposeCorrection>
{
    public ProposeCorrectionValidator() => RuleFor(x => x.Text).NotEmpty().MaximumLength(KnowledgeCorrection.MaxTextLength).OverridePropertyName("text");
}

public sealed class ResolveCorrectionValidator : AbstractValidator<ResolveCorrection>
{
    public ResolveCorrectionValidator() => RuleFor(x => x.Note).MaximumLength(KnowledgeArticle.MaxNoteLength).OverridePropertyName("note");
}

public sealed class CorrectionsHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time)
    : IRequestHandler<ProposeCorrection, CorrectionDto>, IRequestHandler<ListCorrections, IReadOnlyList<CorrectionDto>>, IRequestHandler<ResolveCorrection, CorrectionDto>
{
    public async Task<CorrectionDto> Handle(ProposeCorrection request, CancellationToken cancellationToken)
    {
        var (actor, now) = (currentUser.Actor, time.GetUtcNow());
        // The proposer must be able to see the article (a department: public, or its own unit's internal guides).
        var article = await KnowledgeReader.ReadAsync(db, request.ArticleId, actor, now, cancellationToken);
        var correction = new KnowledgeCorrection(Guid.NewGuid(), request.ArticleId, request.Text!, actor, now);
        db.Set<KnowledgeCorrection>().Add(correction);
        await db.SaveChangesAsync(cancellationToken);
        return ToDto(correction, article.Title);
    }

    public async Task<IReadOnlyList<CorrectionDto>> Handle(ListCorrections request, CancellationToken cancellationToken)
    {
        var corrections = db.Set<KnowledgeCorrection>().AsNoTracking();
        if (request.Status is { } status)
        {
            corrections = corrections.Where(c => c.Status == status);
        }

        var rows = await corrections
            .Join(db.Set<KnowledgeArticle>(), c => c.ArticleId, a => a.Id, (c, a) => new { Correction = c, a.Title })
            .OrderBy(r => r.Correction.Status == CorrectionStatus.Open ? 0 : 1).ThenBy(r => r.Correction.CreatedAt)
            .Take(500)
            .ToListAsync(cancellationToken);
        return rows.Select(r => ToDto(r.Correction, r.Title)).ToList();
    }

    public async Task<CorrectionDto> Handle(ResolveCorrection request, CancellationToken cancellationToken)
    {
        var correction = await db.Set<KnowledgeCorrection>().FirstOrDefaultAsync(c => c.Id == request.CorrectionId, cancellationToken)
            ?? throw new NotFoundException("纠错", request.CorrectionId);
        correction.Resolve(request.Accept, request.Note, currentUser.Actor, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        var title = await db.Set<KnowledgeArticle>().Where(a => a.Id == correction.ArticleId).Select(a => a.Title).FirstAsync(cancellationToken);
        return ToDto(correction, title);
    }

    private static CorrectionDto ToDto(KnowledgeCorrection c, string title) =>
        new(c.Id, c.ArticleId, title, c.Text, c.UnitId, c.ProposedBy, c.CreatedAt, c.Status, c.ResolvedBy, c.ResolvedAt, c.Resolution);
}
