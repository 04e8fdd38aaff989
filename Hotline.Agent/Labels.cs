using Hotline.Contracts;

namespace Hotline.Agent;

/// <summary>Chinese labels for roles and timeline actions; the wire enums' names come from <see cref="ChineseLabels"/>.</summary>
public static class Labels
{
    public static string Role(string role) => role switch
    {
        Roles.Agent => "话务员",
        Roles.Department => "承办单位",
        Roles.Supervisor => "督办",
        Roles.Callback => "回访员",
        Roles.Admin => "管理员",
        Roles.KnowledgeEditor => "知识库管理员",
        _ => role,
    };

    /// <summary>接听方式: what rings when the agent answers.</summary>
    public static string Connection(Contracts.Telephony.CallConnection connection) => connection switch
    {
        Contracts.Telephony.CallConnection.Browser => "浏览器软电话",
        _ => "电话（坐席话机或手机）",
    };

    /// <summary>优先办: why a registered caller is answered first.</summary>
    public static string PriorityKind(Contracts.Telephony.PriorityCallerKind kind) => kind switch
    {
        Contracts.Telephony.PriorityCallerKind.Elderly => "老年人",
        Contracts.Telephony.PriorityCallerKind.Disabled => "残疾人",
        _ => "其他",
    };

    /// <summary>恶意来电: the policy of a flagged number, with its daily limit.</summary>
    public static string FlagPolicy(Contracts.Telephony.FlaggedCallerPolicy? policy, int? dailyLimit = null) => policy switch
    {
        Contracts.Telephony.FlaggedCallerPolicy.Limit => dailyLimit is { } n ? $"限制（每日 {n} 次）" : "限制每日来电次数",
        Contracts.Telephony.FlaggedCallerPolicy.Warn => "提醒话务员",
        _ => "—",
    };

    public static string UnitKind(UnitKind kind) => kind switch
    {
        Contracts.UnitKind.CityDepartment => "市级部门",
        Contracts.UnitKind.PublicService => "公共服务企业",
        Contracts.UnitKind.DistrictGovernment => "区政府",
        Contracts.UnitKind.StreetOffice => "街道办事处",
        Contracts.UnitKind.Center => "热线中心",
        _ => kind.ToString(),
    };

    /// <summary>分钟, 小时, 工作日: the unit of an SLA limit.</summary>
    public static string LimitUnit(LimitUnit unit) => unit switch
    {
        Contracts.LimitUnit.Minutes => "分钟",
        Contracts.LimitUnit.Hours => "小时",
        _ => "个工作日",
    };

    public static string Status(TicketStatus status) => ChineseLabels.Status(status);

    public static string Status(TicketStatus? status) => status is null ? "—" : Status(status.Value);

    public static string Urgency(Urgency urgency) => ChineseLabels.Urgency(urgency);

    public static string Type(TicketType type) => ChineseLabels.Type(type);

    public static string Channel(Channel channel) => ChineseLabels.Channel(channel);

    public static string CloseReason(CloseReason? reason) => reason is null ? "—" : ChineseLabels.CloseReason(reason.Value);

    public static string Outcome(CallbackOutcome? outcome) => outcome is null ? "—" : ChineseLabels.Outcome(outcome.Value);

    public static string Stage(DeadlineStage stage) => ChineseLabels.Stage(stage);

    public static string Alert(AlertKind kind) => ChineseLabels.Alert(kind);

    public static string Review(ReviewStatus status) => status switch
    {
        ReviewStatus.Pending => "待办结审核",
        ReviewStatus.Approved => "审核通过",
        ReviewStatus.Rejected => "审核退回",
        _ => "无需审核",
    };

    public static string Suspension(SuspensionStatus status) => status switch
    {
        SuspensionStatus.Pending => "挂起待审批",
        SuspensionStatus.Suspended => "已挂起（暂停计时）",
        SuspensionStatus.Rejected => "挂起已驳回",
        SuspensionStatus.Resumed => "已恢复计时",
        _ => "未挂起",
    };

    /// <summary>A span of stopped time, as 3 天 4 小时 or 25 分钟.</summary>
    public static string Span(TimeSpan span) => ChineseLabels.Duration(span);

    public static string AppealKind(AppealKind kind) => ChineseLabels.AppealKind(kind);

    public static string AppealStatus(AppealStatus status) => status switch
    {
        Contracts.AppealStatus.Pending => "待审核",
        Contracts.AppealStatus.Upheld => "申诉成立",
        _ => "已驳回",
    };

    public static string Action(string action) => action switch
    {
        "Registered" => "受理登记",
        "Imported" => "历史导入",
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
        "CallbackAttempted" => "回访未接通",
        "Reworked" => "重办",
        "Urged" => "催办",
        "CallTransferred" => "来电转接",
        "Reclassified" => "修改分类",
        "Merged" => "合并重复件",
        "Split" => "拆单",
        "Instructed" => "领导批示",
        "FlagSet" => "设置标记",
        "FlagCleared" => "取消标记",
        "AssessmentRequested" => "提请研判",
        "DuplicateMerged" => "重复件并入",
        "MarkedInvalid" => "无效件办结",
        "ClosedBySupervisor" => "督办办结",
        "PhoneRevealed" => "查看完整电话",
        "DeadlineWarning" => "期限预警",
        "DeadlineOverdue" => "超期",
        "ReviewApproved" => "办结审核通过",
        "ReviewRejected" => "办结审核退回",
        "SuspensionRequested" => "申请挂起",
        "SuspensionApproved" => "同意挂起",
        "SuspensionRejected" => "驳回挂起",
        "Resumed" => "恢复计时",
        "AppealFiled" => "提出申诉",
        "AppealUpheld" => "申诉成立",
        "AppealRejected" => "驳回申诉",
        "TransferredOut" => "转办其他平台",
        "TransferAcknowledged" => "对方平台已受理",
        "TransferStatusUpdated" => "对方平台办理进展",
        "EmergencyHandedOver" => "紧急移交",
        _ => action,
    };
}
