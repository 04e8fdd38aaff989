using Hotline.Contracts;
using Hotline.Domain.Dispatch;
using Hotline.Domain.Reference;
using Shouldly;

namespace Hotline.UnitTests.Dispatch;

public sealed class DispatchCatalogueTests
{
    private const string CityManagement = "01";
    private const string StreetVending = "0101";
    private const string Noise = "0102";
    private const string Unlisted = "09";
    private const string Dongcheng = "110101";
    private const string Xicheng = "110102";
    private const string Donghuamen = "110101001";
    private const string Jingshan = "110101002";

    private static readonly Unit CityAdministration = new(Guid.NewGuid(), "C001", "市城市管理委员会", UnitKind.CityDepartment, null, null);
    private static readonly Unit CityEnforcement = new(Guid.NewGuid(), "C002", "市城管执法局", UnitKind.CityDepartment, null, null);
    private static readonly Unit DongchengGovernment = new(Guid.NewGuid(), "D001", "东城区人民政府", UnitKind.DistrictGovernment, null, Dongcheng);
    private static readonly Unit XichengGovernment = new(Guid.NewGuid(), "D002", "西城区人民政府", UnitKind.DistrictGovernment, null, Xicheng);
    private static readonly Unit DongchengEnforcement = new(Guid.NewGuid(), "D101", "东城区城管执法局", UnitKind.CityDepartment, DongchengGovernment.Id, Dongcheng);
    private static readonly Unit DonghuamenOffice = new(Guid.NewGuid(), "S001", "东华门街道办事处", UnitKind.StreetOffice, DongchengGovernment.Id, Dongcheng);
    private static readonly Unit OrphanStreetOffice = new(Guid.NewGuid(), "S002", "景山街道办事处", UnitKind.StreetOffice, null, Dongcheng);
    private static readonly Unit PowerCompany = new(Guid.NewGuid(), "P001", "市电力公司", UnitKind.PublicService, null, null);

    private static readonly Unit[] Units =
    [
        CityAdministration, CityEnforcement, DongchengGovernment, XichengGovernment, DongchengEnforcement, DonghuamenOffice, OrphanStreetOffice, PowerCompany,
    ];

    private static readonly Category[] Categories =
    [
        new(CityManagement, "城市管理", null),
        new(StreetVending, "占道经营", CityManagement),
        new(Noise, "噪音扰民", CityManagement),
        new(Unlisted, "其他", null),
    ];

    [Fact]
    public void Suggest_Should_PreferLeafCategoryRule_When_ParentRuleAlsoMatches()
    {
        var leafRule = Rule(StreetVending, null, null, CityEnforcement);
        var catalogue = Catalogue(Rule(CityManagement, null, null, CityAdministration), leafRule);

        var suggestion = catalogue.Suggest(StreetVending, Dongcheng, Donghuamen).ShouldNotBeNull();

        suggestion.UnitId.ShouldBe(CityEnforcement.Id);
        suggestion.RuleId.ShouldBe(leafRule.Id);
    }

    [Fact]
    public void Suggest_Should_PreferCityWideLeafRule_When_ParentRuleIsNarrowedToStreet()
    {
        var catalogue = Catalogue(
            Rule(CityManagement, Dongcheng, Donghuamen, DonghuamenOffice),
            Rule(StreetVending, null, null, CityEnforcement));

        catalogue.Suggest(StreetVending, Dongcheng, Donghuamen).ShouldNotBeNull().UnitId.ShouldBe(CityEnforcement.Id);
    }

    [Fact]
    public void Suggest_Should_PassOverTheExcludedUnit_For_The_Next_Matching_Rule_Then_The_District_Government()
    {
        var catalogue = Catalogue(Rule(CityManagement, null, null, CityAdministration), Rule(StreetVending, null, null, CityEnforcement));

        catalogue.Suggest(StreetVending, Dongcheng, null, excludingUnitId: CityEnforcement.Id).ShouldNotBeNull().UnitId.ShouldBe(CityAdministration.Id);
        Catalogue(Rule(StreetVending, null, null, CityEnforcement))
            .Suggest(StreetVending, Dongcheng, null, excludingUnitId: CityEnforcement.Id).ShouldNotBeNull().UnitId.ShouldBe(DongchengGovernment.Id);
        Catalogue().Suggest(StreetVending, Dongcheng, null, excludingUnitId: DongchengGovernment.Id).ShouldBeNull();
    }

    [Fact]
    public void Suggest_Should_UseParentRule_When_LeafHasNoRule()
    {
        var catalogue = Catalogue(Rule(CityManagement, null, null, CityAdministration), Rule(StreetVending, null, null, CityEnforcement));

        catalogue.Suggest(Noise, Dongcheng, null).ShouldNotBeNull().UnitId.ShouldBe(CityAdministration.Id);
    }

    [Theory]
    [InlineData(Dongcheng, Donghuamen, "S001", "街道")]
    [InlineData(Dongcheng, Jingshan, "D101", "区")]
    [InlineData(Dongcheng, null, "D101", "区")]
    [InlineData(Xicheng, null, "C002", "全市")]
    [InlineData(null, null, "C002", "全市")]
    public void Suggest_Should_PreferStreetOverDistrictOverCity_When_SeveralScopesMatch(string? district, string? street, string expectedUnitCode, string expectedScope)
    {
        var catalogue = Catalogue(
            Rule(StreetVending, null, null, CityEnforcement),
            Rule(StreetVending, Dongcheng, null, DongchengEnforcement),
            Rule(StreetVending, Dongcheng, Donghuamen, DonghuamenOffice));

        var suggestion = catalogue.Suggest(StreetVending, district, street).ShouldNotBeNull();

        Units.Single(u => u.Id == suggestion.UnitId).Code.ShouldBe(expectedUnitCode);
        suggestion.Reason.ShouldContain($"（{expectedScope}）");
        suggestion.Reason.ShouldContain(Units.Single(u => u.Id == suggestion.UnitId).Name);
    }

    [Fact]
    public void Suggest_Should_IgnoreStreetRule_When_StreetBelongsToAnotherDistrict()
    {
        var catalogue = Catalogue(
            Rule(StreetVending, null, null, CityEnforcement),
            Rule(StreetVending, Dongcheng, Donghuamen, DonghuamenOffice));

        catalogue.Suggest(StreetVending, Xicheng, Donghuamen).ShouldNotBeNull().UnitId.ShouldBe(CityEnforcement.Id);
    }

    [Fact]
    public void Suggest_Should_IgnoreRule_When_ItsUnitIsUnknown()
    {
        var ghost = new Unit(Guid.NewGuid(), "X999", "已撤销单位", UnitKind.CityDepartment, null, null);
        var catalogue = Catalogue(Rule(StreetVending, Dongcheng, Donghuamen, ghost), Rule(StreetVending, null, null, CityEnforcement));

        catalogue.Suggest(StreetVending, Dongcheng, Donghuamen).ShouldNotBeNull().UnitId.ShouldBe(CityEnforcement.Id);
    }

    [Fact]
    public void Suggest_Should_PickLowestRuleId_When_TwoRulesAreEquallySpecific()
    {
        var first = new DispatchRule(Guid.Parse("00000000-0000-0000-0000-000000000001"), StreetVending, null, null, CityEnforcement.Id);
        var second = new DispatchRule(Guid.Parse("00000000-0000-0000-0000-000000000002"), StreetVending, null, null, CityAdministration.Id);

        Catalogue(second, first).Suggest(StreetVending, null, null).ShouldNotBeNull().RuleId.ShouldBe(first.Id);
    }

    [Fact]
    public void Suggest_Should_FallBackToDistrictGovernment_When_NoRuleMatchesButDistrictKnown()
    {
        var catalogue = Catalogue(Rule(StreetVending, null, null, CityEnforcement));

        var suggestion = catalogue.Suggest(Unlisted, Dongcheng, Donghuamen).ShouldNotBeNull();

        suggestion.UnitId.ShouldBe(DongchengGovernment.Id);
        suggestion.RuleId.ShouldBeNull();
        suggestion.Reason.ShouldContain("兜底");
        suggestion.Reason.ShouldContain("东城区人民政府");
    }

    [Theory]
    [InlineData("110199")]
    [InlineData(null)]
    public void Suggest_Should_ReturnNull_When_NoRuleMatchesAndDistrictUnknown(string? district)
    {
        var catalogue = Catalogue(Rule(StreetVending, null, null, CityEnforcement));

        catalogue.Suggest(Unlisted, district, null).ShouldBeNull();
    }

    [Fact]
    public void Suggest_Should_NotMatchLeafRule_When_CategoryIsItsParent()
    {
        var catalogue = Catalogue(Rule(StreetVending, null, null, CityEnforcement));

        catalogue.Suggest(CityManagement, Xicheng, null).ShouldNotBeNull().UnitId.ShouldBe(XichengGovernment.Id);
    }

    [Fact]
    public void CopyTargetFor_Should_ReturnParentDistrictGovernment_When_LeadIsStreetOffice()
    {
        Catalogue().CopyTargetFor(DonghuamenOffice.Id).ShouldBe(DongchengGovernment.Id);
    }

    [Fact]
    public void CopyTargetFor_Should_ReturnDistrictGovernmentOfItsDistrict_When_StreetOfficeHasNoParent()
    {
        Catalogue().CopyTargetFor(OrphanStreetOffice.Id).ShouldBe(DongchengGovernment.Id);
    }

    [Fact]
    public void CopyTargetFor_Should_ReturnNull_When_LeadIsNotStreetOffice()
    {
        var catalogue = Catalogue();

        catalogue.CopyTargetFor(DongchengGovernment.Id).ShouldBeNull();
        catalogue.CopyTargetFor(DongchengEnforcement.Id).ShouldBeNull();
        catalogue.CopyTargetFor(CityEnforcement.Id).ShouldBeNull();
        catalogue.CopyTargetFor(PowerCompany.Id).ShouldBeNull();
        catalogue.CopyTargetFor(Guid.NewGuid()).ShouldBeNull();
    }

    private static DispatchCatalogue Catalogue(params DispatchRule[] rules) => new(rules, Units, Categories);

    private static DispatchRule Rule(string category, string? district, string? street, Unit unit) =>
        new(Guid.NewGuid(), category, district, street, unit.Id);
}
