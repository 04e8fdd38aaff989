using Hotline.Domain.Common;

namespace Hotline.Domain.Quality;

/// <summary>
/// One point of the quality-inspection checklist (质检评分表) supervisors score sampled calls on, e.g. 开头语规范 (10).
/// Editable; a retired point keeps its scores in the reviews that used it (they hold their own copy of title and maximum).
/// </summary>
public sealed class QaChecklistItem
{
    public const int TitleMaxLength = 50;
    public const int MaxPoints = 100;

    /// <summary>The checklist a centre starts with (GB/T 33358's service quality: greeting, accuracy, courtesy, registration).</summary>
    public static readonly IReadOnlyList<(Guid Id, string Title, int MaxScore)> Defaults =
    [
        (new Guid("5a1d0c61-0000-4000-8000-000000000001"), "开头语与结束语规范", 10),
        (new Guid("5a1d0c61-0000-4000-8000-000000000002"), "答复与政策解释准确", 40),
        (new Guid("5a1d0c61-0000-4000-8000-000000000003"), "服务态度与文明用语", 30),
        (new Guid("5a1d0c61-0000-4000-8000-000000000004"), "工单登记完整准确", 20),
    ];

    private QaChecklistItem()
    {
    }

    public Guid Id { get; private set; }

    public string Title { get; private set; } = null!;

    public int MaxScore { get; private set; }

    public int Position { get; private set; }

    public bool IsActive { get; private set; }

    public static QaChecklistItem Create(Guid id, string title, int maxScore, int position)
    {
        var item = new QaChecklistItem { Id = id, IsActive = true };
        item.Change(title, maxScore, position);
        return item;
    }

    public void Change(string title, int maxScore, int position)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > TitleMaxLength)
        {
            throw new DomainException($"评分项名称不能为空，且不超过 {TitleMaxLength} 个字。");
        }

        if (maxScore is < 1 or > MaxPoints)
        {
            throw new DomainException($"评分项满分须在 1 到 {MaxPoints} 之间。");
        }

        (Title, MaxScore, Position, IsActive) = (title.Trim(), maxScore, position, true);
    }

    public void Retire() => IsActive = false;
}
