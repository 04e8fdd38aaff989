using Hotline.Contracts;
using Hotline.Contracts.Templates;
using Hotline.Domain.Templates;
using Unit = Hotline.Domain.Reference.Unit;

namespace Hotline.Core.Data.Seeding;

/// <summary>The demo city's 常用语, 工单模板 for its common demands, and 答复模板 (the centre's and the water company's).</summary>
internal static class DemoTemplates
{
    // The first nine are what agents write into the demand (Alt+Shift+1…9); the rest is what they say on the line.
    private static readonly (string Name, string Body)[] Phrases =
    [
        ("多次反映", "市民表示已多次反映，问题仍未解决。"),
        ("要求回电", "市民要求承办单位电话回复处理结果。"),
        ("有老人", "家中有老人，行动不便，请尽快处理。"),
        ("要求保密", "市民要求对其个人信息保密。"),
        ("影响出行", "严重影响周边居民正常出行。"),
        ("夜间扰民", "夜间22时后仍有噪声，影响休息。"),
        ("诉求处理", "诉求相关部门尽快核实处理。"),
        ("已自行联系", "市民已自行联系物业，未得到解决。"),
        ("无具体地址", "市民无法提供具体门牌号，描述为附近路口。"),
        ("开场问候", "您好，这里是12345市民服务热线，请问有什么可以帮您？"),
        ("已登记", "已为您登记，承办单位将在规定时限内联系您。"),
        ("保密说明", "您的个人信息我们会严格保密。"),
        ("回访告知", "办理完成后会有工作人员对您进行回访，请保持电话畅通。"),
        ("稍候", "请您稍等，我帮您查询一下。"),
        ("紧急转接", "情况紧急，请您先拨打110、119或120，我们同时为您登记。"),
        ("结束语", "感谢您的来电，再见。"),
    ];

    private static readonly (string Name, string Category, TicketType Type, Urgency Urgency, string Body)[] OrderTemplates =
    [
        ("停水", "sw-ts", TicketType.HelpRequest, Urgency.Urgent, "市民来电反映：{地点}自来水停水，已持续{时长}，诉求尽快恢复供水。"),
        ("供暖不热", "gr-bz", TicketType.Complaint, Urgency.Normal, "市民来电反映：{地点}暖气不热，室温约{温度}度，已持续{时长}，诉求尽快检修。"),
        ("燃气异味", "rq-yh", TicketType.HelpRequest, Urgency.Emergency, "市民来电反映：{地点}有燃气异味，担心漏气，诉求立即派人检查。"),
        ("施工噪声扰民", "hj-zs", TicketType.Complaint, Urgency.Normal, "市民来电反映：{地点}附近工地夜间施工，噪声扰民，时间为{时间段}，诉求依法查处。"),
        ("违章停车", "jt-tc", TicketType.Report, Urgency.Normal, "市民来电反映：{地点}有车辆长期违章停放，堵塞通道，诉求清理。"),
        ("垃圾未清运", "cs-lj", TicketType.Complaint, Urgency.Normal, "市民来电反映：{地点}垃圾桶满溢，已{时长}无人清运，诉求及时清运。"),
        ("拖欠工资", "ld-qx", TicketType.HelpRequest, Urgency.Normal, "市民来电反映：其在{单位名称}工作，被拖欠工资{金额}元，已{时长}，诉求协调支付。"),
        ("路灯不亮", "cs-ld", TicketType.Report, Urgency.Normal, "市民来电反映：{地点}路灯不亮，夜间出行不便，诉求尽快维修。"),
    ];

    private static readonly (string Name, string Body)[] CentreReplies =
    [
        ("已解决", "{称呼}您好，关于您反映的{分类}问题（工单编号 {工单编号}），我单位已于{日期}派员现场处置，问题已解决。感谢您的监督。"),
        ("正在办理", "{称呼}您好，关于您反映的{分类}问题（工单编号 {工单编号}），我单位已安排专人处理，预计{日期}前完成，届时将再次告知您。"),
        ("解释说明", "{称呼}您好，关于您反映的{分类}问题（工单编号 {工单编号}），经核实，{核实情况}。我单位已向您电话解释说明，您表示理解。"),
    ];

    public static void Seed(HotlineDbContext db, IReadOnlyDictionary<string, Unit> units, DateTimeOffset now)
    {
        var order = 0;
        foreach (var (name, body) in Phrases)
        {
            db.TextTemplates.Add(new TextTemplate(Guid.NewGuid(), TextTemplateKind.Phrase, null, name, body, order += 10, now, null));
        }

        order = 0;
        foreach (var (name, category, type, urgency, body) in OrderTemplates)
        {
            var template = new TextTemplate(Guid.NewGuid(), TextTemplateKind.OrderTemplate, null, name, body, order += 10, now, null);
            template.SetOrderFields(category, type, urgency);
            db.TextTemplates.Add(template);
        }

        order = 0;
        foreach (var (name, body) in CentreReplies)
        {
            db.TextTemplates.Add(new TextTemplate(Guid.NewGuid(), TextTemplateKind.ReplyTemplate, null, name, body, order += 10, now, null));
        }

        var water = new TextTemplate(Guid.NewGuid(), TextTemplateKind.ReplyTemplate, units["water"].Id, "管网抢修完成",
            "{称呼}您好，关于您反映的停水问题（工单编号 {工单编号}），系{原因}所致，我集团抢修人员已于{日期}修复管线，现已恢复供水。如仍有问题请拨打96116。",
            10, now, null);
        water.SetOrderFields("sw-ts", null, null);
        db.TextTemplates.Add(water);
    }
}
