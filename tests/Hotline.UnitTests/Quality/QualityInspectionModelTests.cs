using Hotline.Domain.Common;
using Hotline.Domain.Quality;
using Shouldly;

namespace Hotline.UnitTests.Quality;

/// <summary>质检: the weekly sample (share, minimum, fixed pick, China-time weeks) and the score of a call on the checklist.</summary>
public sealed class QualityInspectionModelTests
{
    [Fact]
    public void Week_Should_BeTheIsoWeekInChina_And_ItsBoundsMondayToMonday()
    {
        // Sunday 30 November 2026 23:30 in China is still week 48; 16:30 UTC that Sunday is Monday 00:30 in China: week 49.
        QaSample.WeekOf(new DateTimeOffset(2026, 11, 29, 15, 30, 0, TimeSpan.Zero)).ShouldBe("2026-W48");
        QaSample.WeekOf(new DateTimeOffset(2026, 11, 29, 16, 30, 0, TimeSpan.Zero)).ShouldBe("2026-W49");
        var (from, to) = QaSample.Bounds("2026-W49")!.Value;
        from.ShouldBe(new DateTimeOffset(2026, 11, 29, 16, 0, 0, TimeSpan.Zero));
        from.Offset.ShouldBe(TimeSpan.Zero);
        to.ShouldBe(from.AddDays(7));
        foreach (var bad in new[] { "2026-49", "2026-W00", "2026-W54", "1999-W01", "2026-Wxx", "" })
        {
            QaSample.Bounds(bad).ShouldBeNull();
        }
    }

    [Fact]
    public void Sample_Should_TakeAShareOfEachAgent_AtLeastOne_TheSameEveryTime()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var calls = Enumerable.Range(0, 45).Select(_ => (Guid.NewGuid(), a)).Concat(Enumerable.Range(0, 2).Select(_ => (Guid.NewGuid(), b))).ToList();

        var sample = QaSample.Pick(calls, 0.05, "2026-W49");

        sample.Count(s => s.AgentId == a).ShouldBe(3, "5 % of 45, rounded up");
        sample.Count(s => s.AgentId == b).ShouldBe(1, "at least one");
        QaSample.Pick(Enumerable.Reverse(calls), 0.05, "2026-W49").OrderBy(s => s.CallId).ShouldBe(sample.OrderBy(s => s.CallId));
        QaSample.Pick(calls, 0.05, "2026-W50").Where(s => s.AgentId == a).ShouldNotBe(sample.Where(s => s.AgentId == a), "another week, another pick");
        QaSample.SizeFor(0, 0.05).ShouldBe(0);
        QaSample.SizeFor(10, 1).ShouldBe(10);
    }

    [Fact]
    public void Review_Should_ScoreEveryPointWithinItsMaximum_AndKeepItsCopy()
    {
        var checklist = QaChecklistItem.Defaults.Select((d, i) => QaChecklistItem.Create(d.Id, d.Title, d.MaxScore, i)).ToList();
        var review = QaReview.Start(Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UnixEpoch);
        var full = checklist.ToDictionary(i => i.Id, i => i.MaxScore);

        Should.Throw<DomainException>(() => review.Record(checklist, full.Skip(1).ToDictionary(), null, Guid.NewGuid(), "质检员", DateTimeOffset.UnixEpoch)).Message.ShouldContain("请为");
        Should.Throw<DomainException>(() => review.Record(checklist, checklist.ToDictionary(i => i.Id, i => i.MaxScore + 1), null, Guid.NewGuid(), "质检员", DateTimeOffset.UnixEpoch));
        Should.Throw<DomainException>(() => review.Record(checklist, new Dictionary<Guid, int>(full) { [Guid.NewGuid()] = 1 }, null, Guid.NewGuid(), "质检员", DateTimeOffset.UnixEpoch));

        review.Record(checklist, new Dictionary<Guid, int>(full) { [checklist[1].Id] = 30 }, "  解释政策不完整 ", Guid.NewGuid(), "质检员", DateTimeOffset.UnixEpoch);

        (review.Score, review.MaxScore, review.Comment).ShouldBe((90, 100, "解释政策不完整"));
        checklist[1].Change("答复准确", 50, 1);
        review.Scores[1].ShouldBe(new QaScore(checklist[1].Id, "答复与政策解释准确", 30, 40), "a past score keeps the point as it was");
        Should.Throw<DomainException>(() => checklist[0].Change(" ", 10, 0));
        Should.Throw<DomainException>(() => checklist[0].Change("态度", 0, 0));
    }
}
