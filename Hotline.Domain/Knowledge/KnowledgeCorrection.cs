using Hotline.Contracts.Knowledge;
using Hotline.Domain.Common;

namespace Hotline.Domain.Knowledge;

/// <summary>纠错: a unit (or any staff member) says an article is wrong or out of date; it waits in the editors' queue.</summary>
public sealed class KnowledgeCorrection
{
    public const int MaxTextLength = 2000;

    private KnowledgeCorrection()
    {
        Text = ProposedBy = string.Empty;
    }

    public KnowledgeCorrection(Guid id, Guid articleId, string text, Actor actor, DateTimeOffset now)
    {
        text = text.Trim();
        if (text.Length == 0 || text.Length > MaxTextLength)
        {
            throw new DomainException($"纠错内容不能为空，且不超过 {MaxTextLength} 字。");
        }

        Id = id;
        ArticleId = articleId;
        Text = text;
        UnitId = actor.UnitId;
        ProposedBy = actor.UserName;
        CreatedAt = now;
        Status = CorrectionStatus.Open;
    }

    public Guid Id { get; private set; }

    public Guid ArticleId { get; private set; }

    public string Text { get; private set; }

    public Guid? UnitId { get; private set; }

    public string ProposedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public CorrectionStatus Status { get; private set; }

    public string? ResolvedBy { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public string? Resolution { get; private set; }

    public void Resolve(bool accept, string? note, Actor actor, DateTimeOffset now)
    {
        if (Status != CorrectionStatus.Open)
        {
            throw new DomainException("该纠错已处理。");
        }

        if (note is { Length: > KnowledgeArticle.MaxNoteLength })
        {
            throw new DomainException($"处理意见不能超过 {KnowledgeArticle.MaxNoteLength} 字。");
        }

        Status = accept ? CorrectionStatus.Accepted : CorrectionStatus.Rejected;
        ResolvedBy = actor.UserName;
        ResolvedAt = now;
        Resolution = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }
}
