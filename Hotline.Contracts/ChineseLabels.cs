namespace Hotline.Contracts;

/// <summary>
/// The Chinese names of the wire enums, one place for the console (Hotline.Agent's <c>Labels</c>) and the server
/// (the KPI series and exports). Every value is named; an unknown value (a newer server) shows as itself.
/// </summary>
public static class ChineseLabels
{
    public static string Status(TicketStatus status) => status switch
    {
        TicketStatus.Registered => "待派单",
        TicketStatus.Dispatched => "待签收",
        TicketStatus.Accepted => "办理中",
        TicketStatus.ReturnRequested => "退单审核",
        TicketStatus.Replied => "待回访",
        TicketStatus.Closed => "已办结",
        _ => status.ToString(),
    };

    public static string Urgency(Urgency urgency) => urgency switch
    {
        Contracts.Urgency.Emergency => "紧急",
        Contracts.Urgency.Urgent => "加急",
        Contracts.Urgency.Normal => "一般",
        Contracts.Urgency.Complex => "疑难",
        _ => urgency.ToString(),
    };

    public static string Type(TicketType type) => type switch
    {
        TicketType.Consultation => "咨询",
        TicketType.HelpRequest => "求助",
        TicketType.Complaint => "投诉",
        TicketType.Report => "举报",
        TicketType.Suggestion => "建议",
        TicketType.Praise => "表扬",
        _ => type.ToString(),
    };

    public static string Channel(Channel channel) => channel switch
    {
        Contracts.Channel.Phone => "电话",
        Contracts.Channel.Web => "网站",
        Contracts.Channel.Open311 => "Open311",
        Contracts.Channel.Sms => "短信",
        Contracts.Channel.Transfer => "转办",
        _ => channel.ToString(),
    };

    public static string CloseReason(CloseReason reason) => reason switch
    {
        Contracts.CloseReason.Answered => "直接办结",
        Contracts.CloseReason.CallbackDone => "回访办结",
        Contracts.CloseReason.Duplicate => "重复件",
        Contracts.CloseReason.Invalid => "无效件",
        Contracts.CloseReason.ClosedBySupervisor => "督办办结",
        Contracts.CloseReason.Imported => "历史导入",
        Contracts.CloseReason.Split => "已拆单",
        Contracts.CloseReason.TransferredOut => "转办其他平台",
        _ => reason.ToString(),
    };

    public static string Flag(TicketFlag flag) => flag == TicketFlag.Hard ? "疑难" : "典型";

    /// <summary>The verdict an appeal contests: 回访评价 or 超期.</summary>
    public static string AppealKind(AppealKind kind) => kind == Contracts.AppealKind.Callback ? "回访评价" : "超期";

    public static string Outcome(CallbackOutcome outcome) => outcome switch
    {
        CallbackOutcome.Satisfied => "满意",
        CallbackOutcome.BasicallySatisfied => "基本满意",
        CallbackOutcome.Dissatisfied => "不满意",
        CallbackOutcome.Unreachable => "联系不上",
        _ => outcome.ToString(),
    };

    public static string Failure(ContactFailure failure) => failure switch
    {
        ContactFailure.NoAnswer => "无人接听",
        ContactFailure.PoweredOff => "关机",
        ContactFailure.Declined => "拒接",
        ContactFailure.WrongNumber => "空号（号码错误）",
        _ => failure.ToString(),
    };

    public static string Stage(DeadlineStage stage) => stage switch
    {
        DeadlineStage.Accept => "签收",
        DeadlineStage.Contact => "联系",
        DeadlineStage.Reply => "答复",
        _ => stage.ToString(),
    };

    public static string Alert(AlertKind kind) => kind switch
    {
        AlertKind.Warning => "预警",
        AlertKind.Overdue => "超期",
        _ => kind.ToString(),
    };

    /// <summary>A span of time as 3 天 4 小时, 5 小时 20 分钟 or 25 分钟 (the time an order was suspended).</summary>
    public static string Duration(TimeSpan span) =>
        span.TotalDays >= 1 ? $"{(int)span.TotalDays} 天 {span.Hours} 小时" : span.TotalHours >= 1 ? $"{(int)span.TotalHours} 小时 {span.Minutes} 分钟" : $"{Math.Max(0, (int)span.TotalMinutes)} 分钟";
}
