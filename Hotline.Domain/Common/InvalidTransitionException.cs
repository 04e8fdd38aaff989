using Hotline.Contracts;

namespace Hotline.Domain.Common;

/// <summary>The action is not allowed from the order's current status.</summary>
public sealed class InvalidTransitionException(string action, TicketStatus current)
    : DomainException($"工单当前状态为“{ChineseLabels.Status(current)}”，不能{ActionName(action)}。")
{
    public string Action { get; } = action;

    public TicketStatus Current { get; } = current;

    /// <summary>The action as the user knows it; actions already named in Chinese pass through.</summary>
    private static string ActionName(string action) => action switch
    {
        "answer" => "直接答复",
        "reclassify" => "修改分类",
        "dispatch" => "派单",
        "accept" => "签收",
        "contact" => "联系市民",
        "return" => "申请退单",
        "approve return" => "同意退单",
        "reject return" => "驳回退单",
        "request extension" => "申请延期",
        "decide extension" => "审核延期",
        "reply" => "答复",
        "callback" => "回访",
        "urge" => "催办",
        "merge" => "合并",
        "mark invalid" => "按无效件办结",
        "close" => "办结",
        "reveal phone" => "查看完整电话",
        _ => action,
    };
}
