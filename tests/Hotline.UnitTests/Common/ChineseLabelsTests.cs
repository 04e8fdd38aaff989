using Hotline.Contracts;
using Shouldly;

namespace Hotline.UnitTests.Common;

/// <summary>
/// Every value of every wire enum the console and the exports name has its own Chinese label: none is left to the
/// fallback (the value's English name) and no two values of one enum share a label.
/// </summary>
public sealed class ChineseLabelsTests
{
    public static TheoryData<string> Enums => new(nameof(TicketStatus), nameof(Urgency), nameof(TicketType), nameof(Channel), nameof(CloseReason), nameof(CallbackOutcome), nameof(DeadlineStage), nameof(AlertKind));

    [Theory]
    [MemberData(nameof(Enums))]
    public void Label_Should_BeChineseAndDistinct_When_AnyValueOfTheEnumIsNamed(string name)
    {
        var labels = LabelsOf(name);

        labels.ShouldNotBeEmpty();
        foreach (var (value, label) in labels)
        {
            label.ShouldNotBeNullOrWhiteSpace($"{name}.{value}");
            if (value != nameof(Channel.Open311))
            {
                label.ShouldNotBe(value, $"{name}.{value} fell through to its English name");
                label.ShouldContain(c => c >= '\u4e00' && c <= '\u9fff', $"{name}.{value}: {label}");
            }
        }

        labels.Select(l => l.Label).ShouldBeUnique($"two values of {name} share a label");
    }

    [Fact]
    public void Label_Should_BeTheDocumentedName_When_TheValueIsACommonOne()
    {
        ChineseLabels.Channel(Channel.Phone).ShouldBe("电话");
        ChineseLabels.Channel(Channel.Web).ShouldBe("网站");
        ChineseLabels.Type(TicketType.Complaint).ShouldBe("投诉");
        ChineseLabels.Type(TicketType.HelpRequest).ShouldBe("求助");
        ChineseLabels.Status(TicketStatus.Registered).ShouldBe("待派单");
        ChineseLabels.Urgency(Urgency.Normal).ShouldBe("一般");
    }

    private static List<(string Value, string Label)> LabelsOf(string name) => name switch
    {
        nameof(TicketStatus) => Of<TicketStatus>(ChineseLabels.Status),
        nameof(Urgency) => Of<Urgency>(ChineseLabels.Urgency),
        nameof(TicketType) => Of<TicketType>(ChineseLabels.Type),
        nameof(Channel) => Of<Channel>(ChineseLabels.Channel),
        nameof(CloseReason) => Of<CloseReason>(ChineseLabels.CloseReason),
        nameof(CallbackOutcome) => Of<CallbackOutcome>(ChineseLabels.Outcome),
        nameof(DeadlineStage) => Of<DeadlineStage>(ChineseLabels.Stage),
        _ => Of<AlertKind>(ChineseLabels.Alert),
    };

    private static List<(string, string)> Of<T>(Func<T, string> label)
        where T : struct, Enum => Enum.GetValues<T>().Select(v => (v.ToString(), label(v))).ToList();
}
