using Hotline.Contracts;

namespace Hotline.Core.Data.Seeding;

internal enum DemoTarget
{
    Registered,
    Answered,
    Duplicate,
    Invalid,
    Dispatched,
    ReturnRequested,
    Accepted,
    Contacted,
    ExtensionPending,
    Replied,
    Closed,
    Reworked,
    ClosedBySupervisor,
}

internal sealed record DemoStory(
    DemoTarget Target,
    TimeSpan Age,
    Channel Channel,
    TicketType Type,
    Urgency Urgency,
    string CategoryCode,
    string DistrictCode,
    string? StreetCode,
    string Address,
    string? CitizenName,
    string? Phone,
    bool Confidential,
    string Content,
    string? Answer = null,
    bool Solved = true,
    CallbackOutcome Outcome = CallbackOutcome.Satisfied);

/// <summary>The demo orders: everyday 12345 demands, spread over the last two weeks, in every state.</summary>
internal static class DemoStories
{
    private static TimeSpan H(double hours) => TimeSpan.FromHours(hours);

    private static TimeSpan D(double days) => TimeSpan.FromDays(days);

    public static IReadOnlyList<DemoStory> All { get; } =
    [
        new(DemoTarget.Closed, D(14), Channel.Phone, TicketType.HelpRequest, Urgency.Urgent, "sw-ts", "dc", "dc-dhm", "东华门大街12号院3号楼", "张先生", "13800138001", false, "小区从早上开始停水，没有收到任何停水通知，家中有老人，请尽快恢复供水。", "经查为管线抢修临时停水，已于当日18时恢复供水，并补发停水公告。"),
        new(DemoTarget.Closed, D(13), Channel.Phone, TicketType.Complaint, Urgency.Normal, "hj-zs", "cy", "cy-wj", "望京西园四区", "李女士", "13900139002", false, "楼下工地夜间22点后仍在施工，噪声很大，影响休息。", "已责令施工单位停止夜间施工，并纳入重点巡查。", true, CallbackOutcome.BasicallySatisfied),
        new(DemoTarget.Closed, D(12), Channel.Web, TicketType.Complaint, Urgency.Normal, "sc-sp", "hd", "hd-zgc", "中关村大街某快餐店", "王先生", "13700137003", false, "在该店购买的盒饭有异物，商家拒绝退款。", "执法人员已现场检查，责令商家整改并为消费者退款。"),
        new(DemoTarget.Closed, D(11), Channel.Phone, TicketType.HelpRequest, Urgency.Urgent, "gr-bz", "xc", "xc-jrj", "金融街丰汇园2号楼", "赵女士", "13600136004", false, "家里暖气不热，室温只有14度。", "热力公司已上门排气，室温恢复到20度以上。"),
        new(DemoTarget.Closed, D(10), Channel.Phone, TicketType.Complaint, Urgency.Normal, "cs-lj", "dc", "dc-jdj", "交道口南大街胡同口", "孙先生", "13500135005", false, "胡同口垃圾桶满溢两天无人清运，气味很大。", "已协调环卫作业单位增加清运频次。", true, CallbackOutcome.Satisfied),
        new(DemoTarget.Closed, D(9), Channel.Phone, TicketType.Suggestion, Urgency.Normal, "jt-gj", "hd", "hd-qh", "清河小营桥公交站", "周先生", "13400134006", false, "建议延长夜班公交运营时间，方便加班人员回家。", "建议已转公交集团研究，将在线网优化中统筹考虑。", true, CallbackOutcome.BasicallySatisfied),
        new(DemoTarget.Reworked, D(8), Channel.Phone, TicketType.Complaint, Urgency.Normal, "wy-fw", "cy", "cy-jw", "建外SOHO东区", "吴女士", "13300133007", false, "物业长期不修楼道照明，晚上出行不便。", "已通知物业公司维修。", false, CallbackOutcome.Dissatisfied),
        new(DemoTarget.Reworked, D(7), Channel.Web, TicketType.Complaint, Urgency.Normal, "hj-yy", "xc", "xc-ssh", "什刹海前海西街某餐馆", "郑先生", "13200132008", false, "餐馆油烟直排，住户无法开窗。", "已要求餐馆安装油烟净化设备。", false, CallbackOutcome.Dissatisfied),
        new(DemoTarget.ClosedBySupervisor, D(9), Channel.Phone, TicketType.Complaint, Urgency.Normal, "sc-xf", "hd", "hd-hd", "海淀街道某健身房", "冯先生", "13100131009", false, "健身房闭店，要求全额退还三年会员费并赔偿精神损失。", "已组织调解，商家同意按剩余期限退费。", false, CallbackOutcome.Dissatisfied),
        new(DemoTarget.Replied, D(3), Channel.Phone, TicketType.HelpRequest, Urgency.Urgent, "dl-td", "hd", "hd-zgc", "中关村南大街5号院", "陈女士", "15800158010", false, "整栋楼停电，电梯停运。", "供电公司已更换故障变压器，恢复供电。"),
        new(DemoTarget.Replied, D(2), Channel.Phone, TicketType.Complaint, Urgency.Normal, "jt-tc", "dc", "dc-tdj", "天坛东门路边", "褚先生", "15900159011", false, "天坛东门附近长期有车辆占用消防通道停车。", "交管部门已加强巡查并对违停车辆处罚。"),
        new(DemoTarget.Replied, D(2.5), Channel.Web, TicketType.Report, Urgency.Normal, "cs-wj", "xc", "xc-ssh", "什刹海某四合院", "卫女士", "15000150012", true, "举报某四合院内正在私自加盖二层。", "城管执法队已立案调查，责令停工并限期拆除。"),
        new(DemoTarget.Replied, D(1.5), Channel.Phone, TicketType.HelpRequest, Urgency.Normal, "ld-qx", "cy", "cy-amc", "奥运村某装修公司", "蒋先生", "15100151013", false, "装修公司拖欠三个月工资，共计2万元。", "劳动监察已约谈企业，企业承诺本周内支付。", true),
        new(DemoTarget.Replied, D(1.2), Channel.Phone, TicketType.Consultation, Urgency.Normal, "ws-ym", "hd", "hd-xsq", "学院路社区卫生服务中心", "沈女士", "15200152014", false, "孩子的疫苗预约不上，想了解其他接种点。", "已告知市民附近三个接种点及预约方式。"),
        new(DemoTarget.Replied, D(4), Channel.Sms, TicketType.Complaint, Urgency.Normal, "sw-sz", "dc", "dc-jsj", "景山后街小区", "韩先生", "15300153015", false, "自来水发黄，有异味。", "水质检测合格，已对小区二次供水水箱清洗消毒。"),
        new(DemoTarget.Contacted, D(1), Channel.Phone, TicketType.HelpRequest, Urgency.Normal, "rq-tg", "xc", "xc-dsl", "大栅栏西街", "杨先生", "18600186016", false, "燃气表显示有余额但无法供气。"),
        new(DemoTarget.Contacted, H(30), Channel.Phone, TicketType.Complaint, Urgency.Normal, "cs-gg", "cy", "cy-myc", "麦子店西路", "朱女士", "18500185017", false, "路边大型广告牌松动，大风天有坠落危险。"),
        new(DemoTarget.Accepted, H(20), Channel.Phone, TicketType.Complaint, Urgency.Normal, "jt-dl", "hd", "hd-qh", "清河中街", "秦先生", "18400184018", false, "路面塌陷一个大坑，已有电动车摔倒。"),
        new(DemoTarget.Accepted, H(10), Channel.Web, TicketType.HelpRequest, Urgency.Normal, "jy-rx", "xc", "xc-zxl", "展览路街道", "尤女士", "18300183019", false, "孩子入学材料审核没通过，想了解原因。"),
        new(DemoTarget.Accepted, D(6), Channel.Phone, TicketType.Complaint, Urgency.Normal, "sc-jg", "dc", "dc-dhm", "王府井某商场", "许先生", "18200182020", false, "商场标价与结账价格不一致。"),
        new(DemoTarget.ExtensionPending, D(3), Channel.Phone, TicketType.HelpRequest, Urgency.Complex, "wy-wx", "hd", "hd-hd", "海淀南路小区", "何女士", "18100181021", false, "小区电梯频繁故障，维修资金使用需业主表决，迟迟无人组织。"),
        new(DemoTarget.ReturnRequested, H(26), Channel.Phone, TicketType.Complaint, Urgency.Normal, "cs-ld", "cy", "cy-wj", "望京街与阜通东大街交口", "吕先生", "17700177022", false, "路口路灯连续一周不亮。"),
        new(DemoTarget.ReturnRequested, H(8), Channel.Web, TicketType.Suggestion, Urgency.Normal, "zc-gjj", "dc", "dc-tdj", "天坛街道", "施女士", "17600176023", false, "建议公积金提取增加线上办理渠道。"),
        new(DemoTarget.Dispatched, H(5), Channel.Phone, TicketType.HelpRequest, Urgency.Urgent, "gr-bz", "cy", "cy-jw", "建外大街永安里", "张女士", "17500175024", false, "暖气管道漏水，楼下邻居家被淹。"),
        new(DemoTarget.Dispatched, H(3), Channel.Phone, TicketType.Complaint, Urgency.Normal, "hj-zs", "cy", "cy-amc", "奥运村北辰东路", "孔先生", "17400174025", false, "广场舞音响声音太大，每晚持续到十点。"),
        new(DemoTarget.Dispatched, H(1.2), Channel.Phone, TicketType.HelpRequest, Urgency.Emergency, "rq-yh", "hd", "hd-zgc", "中关村东路某小区", "曹先生", "17300173026", false, "楼道里有很重的燃气味道，怀疑泄漏。"),
        new(DemoTarget.Dispatched, D(2), Channel.Phone, TicketType.Complaint, Urgency.Normal, "wy-fw", "dc", "dc-jdj", "交道口东大街小区", "严女士", "17200172027", false, "物业擅自提高停车费。"),
        new(DemoTarget.Dispatched, H(0.5), Channel.Open311, TicketType.Complaint, Urgency.Normal, "sw-ps", "xc", "xc-jrj", "金融街太平桥大街", "华先生", null, false, "雨后路面积水严重，雨水箅子堵塞。"),
        new(DemoTarget.Dispatched, H(2), Channel.Phone, TicketType.Report, Urgency.Normal, "sc-sp", "cy", "cy-myc", "麦子店某小作坊", "金女士", "17100171029", true, "举报小作坊无证生产糕点并对外销售。"),
        new(DemoTarget.Registered, H(0.3), Channel.Web, TicketType.Complaint, Urgency.Normal, "cs-lj", "hd", "hd-xsq", "学院路某小区东门", "魏先生", "16600166030", false, "小区门口建筑垃圾堆放一周未清理。"),
        new(DemoTarget.Registered, H(0.6), Channel.Web, TicketType.Suggestion, Urgency.Normal, "jt-gj", "dc", "dc-jsj", "景山前街公交站", null, null, false, "建议在景山前街公交站增设遮阳棚。"),
        new(DemoTarget.Registered, H(0.2), Channel.Open311, TicketType.Complaint, Urgency.Normal, "cs-ld", "xc", "xc-zxl", "展览路百万庄大街", null, null, false, "百万庄大街路灯夜间不亮，行人不安全。"),
        new(DemoTarget.Registered, H(0.1), Channel.Web, TicketType.Report, Urgency.Normal, "cs-wj", "cy", "cy-wj", "望京某小区楼顶", "陶女士", "16500165033", true, "举报小区顶楼住户违规搭建阳光房。"),
        new(DemoTarget.Registered, H(0.05), Channel.Phone, TicketType.Consultation, Urgency.Normal, "zc-hj", "hd", "hd-qh", "清河街道", "姜先生", "16400164034", false, "咨询新生儿落户需要哪些材料。"),
        new(DemoTarget.Answered, D(5), Channel.Phone, TicketType.Consultation, Urgency.Normal, "zc-gjj", "dc", null, "东城区", "戚女士", "16300163035", false, "咨询租房提取公积金的条件。", "已告知：连续足额缴存3个月以上、本人及配偶在本市无自有住房即可按月提取，可通过公积金APP办理。"),
        new(DemoTarget.Answered, D(1), Channel.Phone, TicketType.Consultation, Urgency.Normal, "ld-sb", "cy", null, "朝阳区", "谢先生", "16200162036", false, "咨询灵活就业人员如何缴纳社保。", "已告知可携带身份证到户籍所在街道社保所或通过网上服务大厅办理。"),
        new(DemoTarget.Answered, H(4), Channel.Phone, TicketType.Praise, Urgency.Normal, "jt-gj", "xc", null, "西城区", "邹女士", "16100161037", false, "表扬公交司机帮助老人上车。", "已记录表扬，将转达公交集团。"),
        new(DemoTarget.Duplicate, D(13.5), Channel.Phone, TicketType.HelpRequest, Urgency.Urgent, "sw-ts", "dc", "dc-dhm", "东华门大街12号院", "张先生", "13800138001", false, "还是停水的事，问什么时候来水。"),
        new(DemoTarget.Invalid, D(3.5), Channel.Phone, TicketType.Complaint, Urgency.Normal, "cs-gg", "hd", null, "海淀区", null, "13000130039", false, "（来电无实际诉求，反复拨打）"),
        new(DemoTarget.Closed, D(6), Channel.Phone, TicketType.HelpRequest, Urgency.Normal, "ws-yy", "xc", "xc-zxl", "展览路某医院", "喻先生", "13012345040", false, "医院挂号系统无法预约专家号。", "医院已修复预约系统故障。", true, CallbackOutcome.Unreachable),
    ];
}
