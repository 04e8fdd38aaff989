using Hotline.Contracts.Kpis;
using Hotline.Core.Features.Kpis;
using Hotline.Core.Features.Kpis.GetHonorRoll;
using Shouldly;

namespace Hotline.UnitTests.Kpis;

public sealed class HonorRollTests
{
    private static RankingEntryDto Unit(string name, double score) => new(0, Guid.NewGuid(), name, score, null, null, null, null, 10, 5);

    [Fact]
    public void Split_Should_PutTheBestOnTheRedBoard_And_TheLowOrLastOnTheYellowBoard()
    {
        RankingEntryDto[] ranking = [Unit("甲", 99), Unit("乙", 95), Unit("丙", 95), Unit("丁", 92), Unit("戊", 85), Unit("己", 84), Unit("庚", 79)];
        var rule = new HonorRollOptions { RedCount = 2, RedMinScore = 90, YellowBelowScore = 80, YellowBottomCount = 2 };

        var (red, yellow) = GetHonorRollHandler.Split(ranking, rule);

        red.Select(r => r.UnitName).ShouldBe(["甲", "乙", "丙"], "乙 and 丙 share rank 2");
        red.Select(r => r.Rank).ShouldBe([1, 2, 2]);
        yellow.Select(r => r.UnitName).ShouldBe(["庚", "己"], "庚 is below 80; 己 and 庚 are the last two places");
    }

    [Fact]
    public void Split_Should_KeepARedScoreOffTheYellowBoard_And_RequireTheMinimumForRed()
    {
        RankingEntryDto[] ranking = [Unit("甲", 88), Unit("乙", 70)];
        var rule = new HonorRollOptions { RedCount = 5, RedMinScore = 90, YellowBelowScore = 80, YellowBottomCount = 0 };

        var (red, yellow) = GetHonorRollHandler.Split(ranking, rule);

        red.ShouldBeEmpty("88 is below the red minimum");
        yellow.ShouldHaveSingleItem().UnitName.ShouldBe("乙");
    }
}
