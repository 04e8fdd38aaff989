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
}
