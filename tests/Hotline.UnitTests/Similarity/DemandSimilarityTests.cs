using Hotline.Contracts.Tickets;
using Hotline.Core.Features.Tickets.Similarity;
using Shouldly;

namespace Hotline.UnitTests.Similarity;

public sealed class DemandSimilarityTests
{
    /// <summary>A small city's worth of everyday demands: the background that makes 小区 common and 井盖 rare.</summary>
    private static readonly string[] Background =
    [
        "小区楼下的路灯坏了好几天了，晚上很黑，请尽快修理",
        "我家小区停水了，从早上到现在都没有水，也没有通知",
        "小区门口的垃圾好几天没人清运了，味道很大",
        "楼上邻居半夜装修噪音太大，影响休息，希望管一管",
        "公交车司机态度恶劣，到站不停车，要求处理",
        "小区物业乱收停车费，业主不同意，请相关部门调查",
        "孩子上学的学校周边有流动摊贩占道经营，影响交通",
        "社保卡丢了怎么补办，需要带什么材料",
        "小区里的电梯经常坏，物业不维修，老人上下楼很困难",
        "道路上有一个大坑，车辆经过很危险，请尽快修补",
        "餐馆油烟直排，居民楼里都是油烟味，要求整改",
        "咨询公积金提取需要什么手续",
        "小区的燃气管道有异味，担心泄漏，请派人检查",
        "反映工地夜间施工噪音扰民，晚上十二点还在施工",
        "我想反映一下小区绿化带被人占用种菜的问题",
        "医院挂号难，排队时间太长，建议增加窗口",
    ];

    private static Func<int, double> WeightsOf(IEnumerable<string> corpus)
    {
        var texts = corpus.Select(DemandShingles.Of).ToList();
        var df = texts.SelectMany(t => t).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        return s => DemandSimilarity.Weight(df.GetValueOrDefault(s), texts.Count);
    }

    [Fact]
    public void Shingles_Should_BeTheCharactersAndTheirBigrams_WithLettersAndDigitsAsRuns()
    {
        var shingles = DemandShingles.Of("停水三天！");

        shingles.Length.ShouldBe(7); // 停 水 三 天, 停水 水三 三天
        shingles.ShouldBe(DemandShingles.Of("停水三天"));
        DemandShingles.Of("水三天停").Intersect(shingles).Count().ShouldBe(6); // the four characters, 水三, 三天
        DemandShingles.Of("3号楼 ＡＢ12").ShouldBe(DemandShingles.Of("3 号楼 ab12")); // width and case folded
        DemandShingles.Of("3号楼").Length.ShouldBe(4); // "3", 号, 楼, 号楼
        DemandShingles.Of("水").Length.ShouldBe(1);
        DemandShingles.Of("，。！  ").ShouldBeEmpty();
        DemandShingles.Of(null).ShouldBeEmpty();
    }

    [Fact]
    public void Shingles_Should_NeverConfuseALetterRunWithACjkBigram()
    {
        var cjk = DemandShingles.Of(string.Concat(Enumerable.Range(0x4E00, 2000).Select(c => (char)c)));
        var runs = Enumerable.Range(0, 5000).SelectMany(i => DemandShingles.Of($"x{i} {i}")).ToHashSet();

        cjk.Intersect(runs).ShouldBeEmpty();
    }

    [Fact]
    public void Score_Should_BeOneForTheSameText_ZeroForNothingShared_AndSymmetric()
    {
        var weight = WeightsOf(Background);
        var a = DemandShingles.Of(Background[0]);
        var b = DemandShingles.Of(Background[7]);

        DemandSimilarity.Score(a, a, weight).ShouldBe(1.0, 1e-9);
        DemandSimilarity.Score(a, DemandShingles.Of("医保报销比例"), weight).ShouldBe(0);
        DemandSimilarity.Score(a, b, weight).ShouldBe(DemandSimilarity.Score(b, a, weight), 1e-12);
        DemandSimilarity.Score(a, [], weight).ShouldBe(0);
    }

    [Fact]
    public void Score_Should_ValueARareSharedWordAboveACommonOne()
    {
        var weight = WeightsOf(Background.Append("小区的井盖丢了"));
        var query = DemandShingles.Of("小区门前井盖");

        var rare = DemandSimilarity.Score(query, DemandShingles.Of("路边井盖没了"), weight); // shares 井盖
        var common = DemandSimilarity.Score(query, DemandShingles.Of("小区停车难"), weight); // shares 小区

        rare.ShouldBeGreaterThan(common);
    }

    [Theory]
    [InlineData("我们小区停水一整天了，没有任何通知，什么时候来水", 1)]
    [InlineData("楼上半夜装修，电钻噪音很大，根本没法休息", 3)]
    [InlineData("马路中间有个大坑，车开过去很危险，希望赶紧修补", 9)]
    [InlineData("小区燃气管道有股异味，怕漏气，请派人来检查一下", 12)]
    public void Score_Should_FindTheParaphrase_AboveTheDefaultThreshold_AndAboveEveryUnrelatedDemand(string paraphrase, int original)
    {
        var weight = WeightsOf(Background.Append(paraphrase));
        var query = DemandShingles.Of(paraphrase);
        var scores = Background.Select(b => DemandSimilarity.Score(query, DemandShingles.Of(b), weight)).ToList();

        scores[original].ShouldBeGreaterThanOrEqualTo(new SimilarityOptions().MinScore);
        scores.Where((_, i) => i != original).ShouldAllBe(s => s < scores[original]);
        scores.Where((_, i) => i != original).ShouldAllBe(s => s < new SimilarityOptions().MinScore);
    }

    [Fact]
    public void Index_Should_FindTheParaphrase_NearerPlacesFirst_WithinTheWindow()
    {
        var now = new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);
        var index = new TicketSimilarityIndex();
        var orders = Background.Select((text, i) => new IndexedOrder(Guid.NewGuid(), now.AddDays(-20).AddMinutes(i), "d1", $"d1-s{i % 3}", IndexedOrderState.Open, text)).ToList();
        var elsewhere = new IndexedOrder(Guid.NewGuid(), now.AddDays(-3), "d2", "d2-s1", IndexedOrderState.Open, "小区停水了，从早上到现在都没有水");
        var sameStreet = new IndexedOrder(Guid.NewGuid(), now.AddDays(-2), "d1", "d1-s2", IndexedOrderState.Open, "停水了，早上到现在都没有水，也没有通知");
        var old = new IndexedOrder(Guid.NewGuid(), now.AddDays(-60), "d1", "d1-s2", IndexedOrderState.Open, "小区停水了，从早上到现在都没有水，也没有通知");
        index.Rebuild(new[] { old }.Concat(orders).Append(elsewhere).Append(sameStreet));

        var found = index.Find(new SimilarityQuery(DemandShingles.Of("我家小区停水了，从早上到现在都没有水"), now.AddDays(-30), "d1", "d1-s2", null, false, 0.3, 5));

        found.Select(f => f.Id).ShouldBe([sameStreet.Id, orders[1].Id, elsewhere.Id]);
        found.Select(f => f.Place).ShouldBe([SimilarPlace.SameStreet, SimilarPlace.SameDistrict, SimilarPlace.Elsewhere]);
        found.ShouldNotContain(f => f.Id == old.Id); // outside the 30 days
    }

    [Fact]
    public void Index_Should_ApplyNewOrdersAndStates_AfterARebuild()
    {
        var now = DateTimeOffset.UtcNow;
        var index = new TicketSimilarityIndex();
        var first = new IndexedOrder(Guid.NewGuid(), now.AddDays(-1), "d1", null, IndexedOrderState.Open, "地铁站出口的自动扶梯停运一个星期了");
        index.Rebuild(Background.Select((t, i) => new IndexedOrder(Guid.NewGuid(), now.AddDays(-5).AddMinutes(i), "d1", null, IndexedOrderState.Open, t)).Append(first));
        var query = new SimilarityQuery(DemandShingles.Of("地铁站出口自动扶梯停运"), now.AddDays(-30), null, null, null, false, 0.3, 5);
        index.Find(query).Select(f => f.Id).ShouldBe([first.Id]);

        // An older order arriving after the rebuild (e.g. imported) is found and still dated by its own time.
        var later = new IndexedOrder(Guid.NewGuid(), now.AddDays(-10), "d1", null, IndexedOrderState.Open, "地铁站出口的自动扶梯停运了");
        var tooOld = new IndexedOrder(Guid.NewGuid(), now.AddDays(-90), "d1", null, IndexedOrderState.Open, "地铁站出口的自动扶梯停运了很久");
        index.Apply([later, tooOld]);
        index.Find(query).Select(f => f.Id).ShouldBe([first.Id, later.Id], ignoreOrder: true);

        index.Apply([first with { State = IndexedOrderState.Excluded }, later with { State = IndexedOrderState.Closed }]);
        index.Find(query).Select(f => f.Id).ShouldBe([later.Id]);
        index.Find(query with { OpenOnly = true }).ShouldBeEmpty();
        index.Find(query with { Exclude = later.Id }).ShouldBeEmpty();
        index.Count.ShouldBe(Background.Length + 2);
    }

    [Fact]
    public void Clusterer_Should_GroupWhatSaysTheSameThing_AndLeaveTheRestOut()
    {
        string[] texts =
        [
            "人民路和解放路路口的红绿灯坏了，一直闪黄灯",
            "社保卡丢了怎么补办",
            "解放路人民路路口红绿灯坏了，一直是黄灯在闪",
            "楼上半夜装修噪音太大",
            "人民路解放路口红绿灯不亮了，一直闪黄灯，很危险",
            "楼上邻居半夜装修，噪音太大了",
        ];
        var shingles = texts.Select(DemandShingles.Of).ToList();
        var weight = WeightsOf(Background.Concat(texts));

        var clusters = SimilarityClusterer.Cluster(shingles, weight, new SimilarityOptions().ClusterMinScore);

        clusters.OrderBy(c => c[0]).ShouldBe([[0, 2, 4], [3, 5]]);
    }
}
