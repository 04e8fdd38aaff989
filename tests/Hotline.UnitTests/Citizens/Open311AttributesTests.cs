using System.Text.Json;
using Hotline.Core.Features.Citizens;
using Hotline.Core.Features.Reference;
using Hotline.Domain.Reference;
using Shouldly;

namespace Hotline.UnitTests.Citizens;

/// <summary>The attribute rules of an Open311 request: defined, required, typed, canonical, and the district sent or inferred.</summary>
public sealed class Open311AttributesTests
{
    private static readonly ReferenceSnapshot Snapshot = NewSnapshot();

    [Fact]
    public void Check_Should_ListEveryProblem_When_AttributesAreUnknownInvalidOrTheDistrictIsMissing()
    {
        var check = Check("hj-zs", new() { ["noise_period"] = ["noon"], ["color"] = ["red"] }, address: null);

        check.IsValid.ShouldBeFalse();
        check.Errors.Select(e => e.PropertyName).ShouldBe(["attribute[color]", "attribute[noise_period]", "attribute[district]"], ignoreOrder: true);
        check.Errors.Single(e => e.PropertyName == "attribute[district]").ErrorMessage.ShouldContain("cy, hd");
    }

    [Fact]
    public void Check_Should_RequireTheServicesRequiredAttribute_When_ItIsBlank()
    {
        var check = Check("hj-zs", new() { ["district"] = ["cy"], ["noise_period"] = ["  "] }, address: null);

        check.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe("attribute[noise_period] is required (噪声发生时段).");
    }

    [Theory]
    [InlineData("海淀区中关村大街27号", "hd")]
    [InlineData("朝阳区工人体育场北路", "cy")]
    [InlineData("海淀区与朝阳区交界处", null)]
    [InlineData("长安街", null)]
    public void DistrictNamedIn_Should_AnswerTheOneDistrictTheAddressNames_When_ThereIsExactlyOne(string address, string? expected) =>
        Open311Attributes.DistrictNamedIn(Snapshot.Districts, address).ShouldBe(expected);

    [Fact]
    public void Check_Should_TakeTheDistrictFromTheAddress_When_NoDistrictAttributeIsSent()
    {
        var check = Check("cs-ld", new() { ["pole_number"] = ["ZGC-0815"] }, "海淀区中关村大街27号");

        check.IsValid.ShouldBeTrue();
        (check.District, check.Street).ShouldBe(("hd", null));
        check.Summary.ShouldBe("；灯杆编号：ZGC-0815");
    }

    [Fact]
    public void Check_Should_PreferTheSentDistrict_And_RefuseAStreetOfAnotherDistrict_When_BothAreSent()
    {
        var check = Check("cs-ld", new() { ["district"] = ["cy"], ["street"] = ["hd-zgc"] }, "海淀区中关村大街27号");

        check.District.ShouldBe("cy");
        check.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe("attribute[street] 'hd-zgc' is not in district 'cy'.");
    }

    [Fact]
    public void Check_Should_GiveTheSameCanonicalForm_When_ARetryPadsTheValuesAndWritesNumbersDifferently()
    {
        var first = Check("sw-ts", new() { ["district"] = ["hd"], ["households"] = ["30"] }, null);
        var retry = Check("sw-ts", new() { ["households"] = [" 30.0 "], ["district"] = [" hd"] }, null);

        first.IsValid.ShouldBeTrue();
        retry.IsValid.ShouldBeTrue();
        JsonSerializer.Serialize(retry.Canonical).ShouldBe(JsonSerializer.Serialize(first.Canonical), "the fingerprint is taken over this form");
        first.Canonical["households"].ShouldBe(["30"]);
    }

    [Theory]
    [InlineData("households", "many", "not valid for datatype number")]
    [InlineData("households", "Infinity", "not valid for datatype number")]
    [InlineData("district", "xx", "not valid for datatype singlevaluelist")]
    public void Check_Should_RefuseAValue_When_ItDoesNotFitTheDatatype(string code, string value, string message)
    {
        Dictionary<string, IReadOnlyList<string>> sent = new() { ["district"] = ["hd"] };
        sent[code] = [value];

        Check("sw-ts", sent, null).Errors.ShouldContain(e => e.PropertyName == $"attribute[{code}]" && e.ErrorMessage.Contains(message));
    }

    [Fact]
    public void Check_Should_RefuseTwoValues_When_TheAttributeTakesOne()
    {
        var check = Check("hj-zs", new() { ["district"] = ["cy"], ["noise_period"] = ["day", "night"] }, null);

        check.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe("attribute[noise_period] takes one value.");
    }

    private static Open311AttributeCheck Check(string serviceCode, Dictionary<string, IReadOnlyList<string>> sent, string? address) =>
        Open311Attributes.Check(Open311Catalogue.Definition(Snapshot, serviceCode).ShouldNotBeNull(), sent, Snapshot, address);

    private static ReferenceSnapshot NewSnapshot()
    {
        var haidian = new District("hd", "海淀区");
        haidian.SetStreets([("hd-zgc", "中关村街道")]);
        var chaoyang = new District("cy", "朝阳区");
        chaoyang.SetStreets([("cy-gt", "工体街道")]);
        Category[] categories =
        [
            new("hj", "生态环境", null), new("hj-zs", "噪声扰民", "hj"),
            new("cs", "城市管理", null), new("cs-ld", "路灯", "cs"),
            new("sw", "供水", null), new("sw-ts", "停水", "sw"),
        ];
        return new ReferenceSnapshot([], [chaoyang, haidian], categories, [], [], []);
    }
}
