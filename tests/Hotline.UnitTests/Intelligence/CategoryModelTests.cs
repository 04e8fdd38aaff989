using Hotline.Core.Features.Intelligence;
using Shouldly;

namespace Hotline.UnitTests.Intelligence;

public sealed class CategoryModelTests
{
    private static readonly string[] Water = ["家里停水了", "小区没有自来水", "水龙头不出水", "停水三天", "自来水停供"];
    private static readonly string[] Noise = ["楼上噪音太吵", "半夜施工噪声", "广场舞噪音扰民", "装修噪音", "夜里工地很吵"];

    private static CategoryClassifier Trained() =>
        CategoryClassifier.Train(Water.Select(t => new CategorySample(t, "sw-ts")).Concat(Noise.Select(t => new CategorySample(t, "hj-zs"))).ToList(), new TextFeaturizer());

    [Theory]
    [InlineData(0.90, null, null, true)]
    [InlineData(0.90, 0.90, 3, true)]
    [InlineData(0.91, 0.90, 3, true)]
    [InlineData(0.89, 0.90, 3, false)]
    [InlineData(0.10, null, 3, true)]
    public void ActivationRule_Should_ActivateOnlyWhenAtLeastAsGood(double candidate, double? active, int? activeVersion, bool expected)
    {
        var (activate, note) = ActivationRule.Decide(candidate, active, activeVersion);

        activate.ShouldBe(expected);
        note.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Classifier_Should_RankTheLearnedCategory_First_And_SurviveStorage()
    {
        var classifier = Trained();
        var (bytes, sha) = classifier.Serialize();
        var loaded = CategoryClassifier.Load(bytes, sha);

        foreach (var model in new[] { classifier, loaded })
        {
            var ranked = model.Predict("我家停水了");
            ranked[0].Code.ShouldBe("sw-ts");
            ranked.Sum(r => r.Probability).ShouldBe(1, 1e-3);
            model.Predict("半夜噪音")[0].Code.ShouldBe("hj-zs");
        }

        loaded.Predict("停水")[0].Probability.ShouldBe(classifier.Predict("停水")[0].Probability, 1e-6);
    }

    [Fact]
    public void Training_Should_GiveTheSameModel_ForTheSameOrders()
    {
        var (first, second) = (Trained(), Trained());

        foreach (var text in new[] { "我家停水了", "半夜噪音", "无关的话" })
        {
            first.Predict(text).ShouldBe(second.Predict(text));
        }

        // Many categories fitted side by side, in whatever order the cores take them: the same bytes every time.
        string[] roads = ["路灯不亮", "道路坑洼", "井盖丢失", "路面塌陷", "红绿灯坏了"];
        string[] fees = ["物业乱收费", "停车费太贵", "电费多收", "水费异常", "燃气费涨价"];
        var samples = Water.Select(t => new CategorySample(t, "sw-ts")).Concat(Noise.Select(t => new CategorySample(t, "hj-zs")))
            .Concat(roads.Select(t => new CategorySample(t, "dl"))).Concat(fees.Select(t => new CategorySample(t, "sf"))).ToList();
        var blobs = Enumerable.Range(0, 4).Select(_ => Convert.ToHexString(CategoryClassifier.Train(samples, new TextFeaturizer()).Serialize().Bytes)).ToList();
        blobs.Distinct().Count().ShouldBe(1);
    }

    [Fact]
    public void TrainWithHoldOut_Should_ServeAModelOfEveryOrder_And_StoreTheEvaluationModelBeside()
    {
        var train = Water.Select(t => new CategorySample(t, "sw-ts")).Concat(Noise.Select(t => new CategorySample(t, "hj-zs"))).ToList();
        List<CategorySample> test = [new("楼上漏水", "sw-ts"), new("卫生间漏水", "sw-ts")];

        var (evaluation, served) = CategoryClassifier.TrainWithHoldOut(train, test, new TextFeaturizer());
        var (bytes, sha) = served.Serialize(evaluation);

        // 漏水 is only in the held-out orders: the served model learned it, the evaluation model did not.
        served.Terms.ShouldBeGreaterThan(evaluation.Terms);
        evaluation.Terms.ShouldBe(CategoryClassifier.Train(train, new TextFeaturizer()).Terms);
        CategoryClassifier.Load(bytes, sha).Terms.ShouldBe(served.Terms);
        var loadedEvaluation = CategoryClassifier.Load(bytes, sha, ModelPart.Evaluation);
        loadedEvaluation.Terms.ShouldBe(evaluation.Terms);
        loadedEvaluation.Predict("停水")[0].Probability.ShouldBe(evaluation.Predict("停水")[0].Probability, 1e-6);
        ActiveCategoryModel.Open(bytes, sha, TextFeaturizer.FormatVersion, ModelPart.Evaluation).Terms.ShouldBe(evaluation.Terms);

        var (single, singleSha) = evaluation.Serialize();
        Should.Throw<InvalidDataException>(() => CategoryClassifier.Load(single, singleSha, ModelPart.Evaluation));
    }

    [Fact]
    public void Load_Should_RefuseAModel_When_ItsBytesAreDamaged()
    {
        var (bytes, sha) = Trained().Serialize();
        var damaged = bytes.ToArray();
        damaged[^10] ^= 0xFF;

        Should.Throw<InvalidDataException>(() => CategoryClassifier.Load(damaged, sha));
        Should.Throw<InvalidDataException>(() => CategoryClassifier.Load(bytes, null));
        Should.Throw<InvalidDataException>(() => CategoryClassifier.Load([1, 2, 3], Convert.ToHexString(System.Security.Cryptography.SHA256.HashData([1, 2, 3]))));
        Should.Throw<InvalidDataException>(() => ActiveCategoryModel.Open(bytes, sha, TextFeaturizer.FormatVersion + 1));
    }

    [Fact]
    public void Evaluate_Should_GivePrecisionRecallAndMacroF1()
    {
        var evaluation = ModelEvaluator.Evaluate([("a", "a"), ("a", "a"), ("a", "b"), ("b", "b")]);

        evaluation.Accuracy.ShouldBe(0.75);
        var a = evaluation.PerCategory.Single(c => c.Code == "a");
        (a.Precision, a.Recall, a.Support).ShouldBe((1.0, 0.6667, 3));
        var b = evaluation.PerCategory.Single(c => c.Code == "b");
        (b.Precision, b.Recall, b.F1).ShouldBe((0.5, 1.0, 0.6667));
        evaluation.MacroF1.ShouldBe(Math.Round((0.8 + (2 * 0.5 / 1.5)) / 2, 4));
    }

    [Fact]
    public void HeldOut_Should_DependOnTheIdOnly()
    {
        var ids = Enumerable.Range(0, 2000).Select(_ => Guid.NewGuid()).ToList();

        var share = ids.Count(id => TrainingSet.IsHeldOut(id, 0.2)) / 2000.0;
        share.ShouldBeInRange(0.15, 0.25);
        ids.ShouldAllBe(id => TrainingSet.IsHeldOut(id, 0.2) == TrainingSet.IsHeldOut(id, 0.2));
    }

    /// <summary>
    /// Three topics of 30 orders, 1,195 near-identical orders of two other codes and eight categories of one order each (the
    /// integration tests' database): an SVM separates what it trained on, so one sigmoid fitted on its training margins
    /// was a step that gave the best five categories the same probability and, ranked by it, the wrong first one in 13
    /// of 200 splits. These are three of them.
    /// </summary>
    [Theory]
    [InlineData(96)]
    [InlineData(139)]
    [InlineData(149)]
    public void TrainWithHoldOut_Should_CalibrateOnTheHeldOutOrders_And_RankByScore(int split)
    {
        (string Code, string[] Phrases)[] topics =
        [
            ("sw-ts", ["停水", "没有自来水", "水龙头不出水", "供水中断", "家里没水", "自来水管道维修停水"]),
            ("hj-zs", ["噪声扰民", "半夜施工噪音", "广场舞音响太吵", "装修噪音", "工地夜间施工", "楼下酒吧吵闹"]),
            ("ld-qx", ["拖欠工资", "老板不发工资", "工钱被拖欠", "欠薪", "农民工工资没结", "公司拖欠薪水"]),
        ];
        string[] fillers = ["已经三天了", "请尽快处理", "反映多次没有结果", "影响正常生活", "希望相关部门解决", "很着急", "麻烦帮忙协调"];
        var random = new Random(7);
        var all = new List<CategorySample>();
        foreach (var (code, phrases) in topics)
        {
            for (var i = 0; i < 30; i++)
            {
                all.Add(new CategorySample($"{phrases[random.Next(phrases.Length)]}，{fillers[random.Next(fillers.Length)]}，{phrases[random.Next(phrases.Length)]}，编号itc{i}", code));
            }
        }

        all.AddRange(Enumerable.Range(0, 1195).Select(i => new CategorySample($"校外培训机构退费 plabcdef12 {i}", i % 2 == 0 ? "jy" : "jy-px")));
        all.AddRange(Enumerable.Range(0, 12).Select(i => new CategorySample($"lsxq1234abcd 楼上噪音扰民第{i}次", "hj-zs")));
        all.AddRange(new[]
        {
            ("sw-ts", "小区从早上开始停水，没有收到任何停水通知，家中有老人，请尽快恢复供水。"), ("hj-zs", "楼下工地夜间22点后仍在施工，噪声很大，影响休息。"),
            ("sc-sp", "在该店购买的盒饭有异物，商家拒绝退款。"), ("gr-bz", "家里暖气不热，室温只有14度。"), ("cs-lj", "胡同口垃圾桶满溢两天无人清运，气味很大。"),
            ("jt-gj", "建议延长夜班公交运营时间，方便加班人员回家。"), ("sc-xf", "健身房闭店，要求全额退还三年会员费并赔偿精神损失。"), ("ws-yy", "医院挂号系统无法预约专家号。"),
        }.Select(x => new CategorySample(x.Item2, x.Item1)));
        var draw = new Random(split);
        var held = all.Select(_ => draw.NextDouble() < 0.2).ToArray();

        var (evaluation, served) = CategoryClassifier.TrainWithHoldOut(all.Where((_, i) => !held[i]).ToList(), all.Where((_, i) => held[i]).ToList(), new TextFeaturizer());

        foreach (var model in new[] { served, evaluation })
        {
            var water = model.Predict("小区停水了，家里没水，水龙头不出水");
            water[0].Code.ShouldBe("sw-ts");
            water[0].Probability.ShouldBeGreaterThan(water[1].Probability + 0.2);
            var noise = model.Predict("晚上工地施工噪音太吵，噪声扰民");
            noise[0].Code.ShouldBe("hj-zs");
            noise[0].Probability.ShouldBeGreaterThan(noise[1].Probability + 0.2);
        }
    }
}
