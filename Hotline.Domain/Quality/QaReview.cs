using Hotline.Domain.Common;

namespace Hotline.Domain.Quality;

/// <summary>
/// A supervisor's score of one call (质检): a score per checklist point, copied with the point's title and maximum at the
/// time, so editing the checklist later never changes a past score. One review per call; a second scoring replaces the
/// first's points (the reviewer and time are the latest).
/// </summary>
public sealed class QaReview
{
    public const int CommentMaxLength = 1000;

    private readonly List<QaScore> _scores = [];

    private QaReview()
    {
    }

    public Guid Id { get; private set; }

    public Guid CallId { get; private set; }

    /// <summary>The agent scored: the one who answered the call.</summary>
    public Guid AgentId { get; private set; }

    public Guid ReviewerId { get; private set; }

    public string ReviewerName { get; private set; } = null!;

    public DateTimeOffset ReviewedAt { get; private set; }

    /// <summary>When the agent answered the call: the week the score counts in.</summary>
    public DateTimeOffset CallAnsweredAt { get; private set; }

    public string? Comment { get; private set; }

    public int Score { get; private set; }

    public int MaxScore { get; private set; }

    public IReadOnlyList<QaScore> Scores => _scores;

    public static QaReview Start(Guid callId, Guid agentId, DateTimeOffset answeredAt) =>
        new() { Id = Guid.NewGuid(), CallId = callId, AgentId = agentId, CallAnsweredAt = answeredAt };

    /// <summary>Records the points given on the active checklist: every active point scored once, none above its maximum.</summary>
    public void Record(IReadOnlyList<QaChecklistItem> checklist, IReadOnlyDictionary<Guid, int> points, string? comment, Guid reviewerId, string reviewerName, DateTimeOffset now)
    {
        if (checklist.Count == 0)
        {
            throw new DomainException("评分表为空，请先设置质检评分项。");
        }

        var unknown = points.Keys.Where(id => checklist.All(i => i.Id != id)).ToList();
        if (unknown.Count > 0)
        {
            throw new DomainException("评分项已变更，请刷新评分表后重新评分。");
        }

        foreach (var item in checklist)
        {
            if (!points.TryGetValue(item.Id, out var given))
            {
                throw new DomainException($"请为“{item.Title}”打分。");
            }

            if (given < 0 || given > item.MaxScore)
            {
                throw new DomainException($"“{item.Title}”的得分须在 0 到 {item.MaxScore} 之间。");
            }
        }

        if (comment?.Trim().Length > CommentMaxLength)
        {
            throw new DomainException($"评语不能超过 {CommentMaxLength} 个字。");
        }

        _scores.Clear();
        _scores.AddRange(checklist.Select(i => new QaScore(i.Id, i.Title, points[i.Id], i.MaxScore)));
        Score = _scores.Sum(s => s.Points);
        MaxScore = _scores.Sum(s => s.MaxScore);
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        (ReviewerId, ReviewerName, ReviewedAt) = (reviewerId, reviewerName, now);
    }
}

/// <summary>The points one checklist item got in a review, with the item's title and maximum as they were.</summary>
public sealed record QaScore(Guid ItemId, string Title, int Points, int MaxScore);
