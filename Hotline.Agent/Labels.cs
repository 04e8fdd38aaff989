using Hotline.Contracts;

namespace Hotline.Agent;

/// <summary>Chinese labels for the wire enums and timeline actions.</summary>
public static class Labels
{
    public static string Role(string role) => role switch
    {
        Roles.Agent => "话务员",
        Roles.Department => "承办单位",
        Roles.Supervisor => "督办",
        Roles.Callback => "回访员",
        Roles.Admin => "管理员",
        _ => role,
    };

    public static string Status(TicketStatus status) => status switch
    {
        TicketStatus.Registered => "待派单",
        TicketStatus.Dispatched => "待签收",
        TicketStatus.Accepted => "办理中",
        TicketStatus.ReturnRequested => "退单审核",
        TicketStatus.Replied => "待回访",
        _ => "已办结",
    };

    public static string Status(TicketStatus? status) => status is null ? "—" : Status(status.Value);

    public static string Urgency(Urgency urgency) => urgency switch
    {
        Contracts.Urgency.Emergency => "紧急",
        Contracts.Urgency.Urgent => "加急",
        Contracts.Urgency.Complex => "疑难",
        _ => "一般",
    };

    public static string Type(TicketType type) => type switch
    {
        TicketType.Consultation => "咨询",
        TicketType.HelpRequest => "求助",
        TicketType.Complaint => "投诉",
        TicketType.Report => "举报",
        TicketType.Suggestion => "建议",
        _ => "表扬",
    };

    public static string Channel(Channel channel) => channel switch
    {
        Contracts.Channel.Phone => "电话",
        Contracts.Channel.Web => "网站",
        Contracts.Channel.Open311 => "Open311",
        _ => "短信",
    };

    public static string CloseReason(CloseReason? reason) => reason switch
    {
        Contracts.CloseReason.Answered => "直接办结",
        Contracts.CloseReason.CallbackDone => "回访办结",
        Contracts.CloseReason.Duplicate => "重复件",
        Contracts.CloseReason.Invalid => "无效件",
        Contracts.CloseReason.ClosedBySupervisor => "督办办结",
        _ => "—",
    };

    public static string Outcome(CallbackOutcome? outcome) => outcome switch
    {
        CallbackOutcome.Satisfied => "满意",
        CallbackOutcome.BasicallySatisfied => "基本满意",
        CallbackOutcome.Dissatisfied => "不满意",
        CallbackOutcome.Unreachable => "联系不上",
        _ => "—",
    };

    public static string Stage(DeadlineStage stage) => stage switch
    {
        DeadlineStage.Accept => "签收",
        DeadlineStage.Contact => "联系",
        _ => "答复",
    };

    public static string Alert(AlertKind kind) => kind == AlertKind.Warning ? "预警" : "超期";

    public static string Action(string action) => action switch
    {
        "Registered" => "受理登记",
        "AnsweredOnSpot" => "直接答复办结",
        "Dispatched" => "派单",
        "Accepted" => "签收",
        "Contacted" => "联系市民",
        "ReturnRequested" => "申请退单",
        "ReturnApproved" => "同意退单",
        "ReturnRejected" => "驳回退单",
        "ExtensionRequested" => "申请延期",
        "ExtensionApproved" => "同意延期",
        "ExtensionRejected" => "驳回延期",
        "Replied" => "答复",
        "CallbackRecorded" => "回访",
        "Reworked" => "重办",
        "Urged" => "催办",
        "Reclassified" => "修改分类",
        "Merged" => "合并重复件",
        "DuplicateMerged" => "重复件并入",
        "MarkedInvalid" => "无效件办结",
        "ClosedBySupervisor" => "督办办结",
        "PhoneRevealed" => "查看完整电话",
        "DeadlineWarning" => "期限预警",
        "DeadlineOverdue" => "超期",
        _ => action,
    };
}
