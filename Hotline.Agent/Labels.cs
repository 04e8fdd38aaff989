using Hotline.Contracts;

namespace Hotline.Agent;

/// <summary>Chinese labels for the wire enums.</summary>
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

    public static string Urgency(Urgency urgency) => urgency switch
    {
        Contracts.Urgency.Emergency => "紧急",
        Contracts.Urgency.Urgent => "加急",
        Contracts.Urgency.Complex => "疑难",
        _ => "一般",
    };
}
