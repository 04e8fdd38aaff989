using Hotline.Contracts.Knowledge;
using Hotline.Core.Features.Knowledge;
using Hotline.Domain.Common;
using Hotline.Domain.Knowledge;
using Hotline.Domain.Reference;

namespace Hotline.Core.Data.Seeding;

/// <summary>
/// The demo city's knowledge base: a dozen published answers for the demo catalogue's common questions and two
/// internal handling guides, so the agent's panel, the public form's suggestion and the editors' pages have
/// something to show on a first run. Written for the demo city (not taken from any real centre's base).
/// </summary>
internal static class DemoKnowledge
{
    private sealed record Entry(string Id, string Title, KnowledgeAudience Audience, string? Category, string? OwnerUnit, string[] Keywords, string Body);

    private static readonly Entry[] Entries =
    [
        new("DEMO-KB-01", "突然停水怎么办：停水查询与临时供水", KnowledgeAudience.Public, "sw-ts", "water", ["停水", "没水", "断水", "临时供水", "恢复供水"],
            "计划停水（管网施工、设备检修）由市自来水集团提前 24 小时在小区公告栏和“市自来水集团”公众号发布，注明停水范围和恢复时间。\n\n" +
            "**没有看到通知就停水的**，多为管线抢修等突发情况：可拨打 12345 或自来水集团服务热线报修，说明小区名称、楼号和停水开始时间。停水超过 12 小时的，自来水集团安排送水车临时供水。\n\n" +
            "只有自己家没水、邻居家有水的，请先检查户内水表前阀门和水表是否欠费，属户内问题的由物业或自行找维修人员处理。"),
        new("DEMO-KB-02", "水压低、水发黄发浑怎么反映", KnowledgeAudience.Public, "sw-sz", "water", ["水压低", "水小", "水黄", "水浑", "水质"],
            "恢复供水后短时间出现黄水，放水 3～5 分钟一般即可变清。持续发黄、有异味或高层水压明显不足的，请拨打 12345 反映，说明楼号、楼层和出现时间；" +
            "二次供水（楼顶水箱、加压泵房）由小区物业或产权单位负责清洗维护，每年至少清洗消毒两次，结果应在小区公示。"),
        new("DEMO-KB-03", "闻到燃气味、燃气泄漏的紧急处置", KnowledgeAudience.Public, "rq-yh", null, ["燃气泄漏", "煤气味", "天然气", "燃气安全"],
            "闻到燃气味时请立即：1. 关闭燃气表前阀门；2. 打开门窗通风；3. **不要开关电灯、电器，不要打电话**，不要使用明火；4. 到室外安全处拨打燃气公司抢修电话或 119。\n\n" +
            "燃气泄漏属于紧急情况，12345 会立即转接 119 或燃气抢修，不作为普通工单等待办理。"),
        new("DEMO-KB-04", "租房提取住房公积金", KnowledgeAudience.Public, "zc-gjj", null, ["公积金", "住房公积金", "租房提取", "提取公积金"],
            "在本市无自有住房且租房居住的职工，可以按月或按季度提取住房公积金支付房租。办理方式：登录市住房公积金管理中心网站或手机 App，选择“租房提取”，" +
            "填写租房地址并签署承诺，审核通过后资金转入本人银行卡，一般 3 个工作日内到账。每年提取总额不超过当年房租标准上限；配偶双方不能在同一时期重复提取。"),
        new("DEMO-KB-05", "户口迁入（夫妻、子女、老人投靠）", KnowledgeAudience.Public, "zc-hj", null, ["户口迁入", "投靠", "落户", "户籍办理"],
            "夫妻投靠、子女投靠父母、老人投靠子女等户口迁入，请本人携带身份证、户口簿、结婚证或出生医学证明等关系证明，到拟迁入地派出所户籍窗口申请，" +
            "符合条件的当场受理，20 个工作日内办结。部分事项可在“政务服务网”预约，预约后按时间到窗口办理，无需重复排队。"),
        new("DEMO-KB-06", "噪声扰民找谁：施工、商铺和邻里噪声", KnowledgeAudience.Public, "hj-zs", null, ["噪音", "噪声", "扰民", "夜间施工", "广场舞"],
            "夜间 22 时至次日 6 时，除抢修、抢险外禁止在居民区附近进行产生噪声的施工；夜间施工须取得许可并公示。\n\n" +
            "- 建筑施工噪声：由城市管理综合执法部门处理，可拨打 12345 反映，说明工地位置和时间；\n" +
            "- 商铺音响、娱乐场所噪声：由生态环境部门和属地街道处理；\n" +
            "- 邻里之间的生活噪声、聚会吵闹：正在发生时可拨打 110，由公安机关现场处置。"),
        new("DEMO-KB-07", "大件垃圾、装修垃圾怎么清运", KnowledgeAudience.Public, "cs-lj", null, ["大件垃圾", "装修垃圾", "垃圾清运", "旧家具"],
            "旧家具、床垫等大件垃圾请投放到小区指定的大件垃圾暂存点，或联系物业预约清运；装修垃圾须袋装后堆放到物业指定地点，按规定由有资质的单位清运，" +
            "不得混入生活垃圾桶。小区生活垃圾超过一天无人清运的，可拨打 12345 反映，由属地街道督促环卫作业单位清运。"),
        new("DEMO-KB-08", "暖气不热：室温标准和报修", KnowledgeAudience.Public, "gr-bz", null, ["暖气不热", "供暖", "室温", "暖气报修"],
            "供暖期内，居民卧室、起居室室温应不低于 18℃。家中暖气不热，请先确认户内阀门全部打开、暖气片已排气；仍不热的，向供热单位报修，或拨打 12345 反映，" +
            "说明小区、楼号、室温和不热的时间。供热单位接报后 24 小时内上门检测，室温不达标的应及时整改，并可按规定退还相应热费。"),
        new("DEMO-KB-09", "单位拖欠工资怎么投诉", KnowledgeAudience.Public, "ld-qx", null, ["拖欠工资", "欠薪", "讨薪", "不发工资", "劳动监察"],
            "用人单位拖欠或克扣工资的，劳动者可向用人单位所在区的人力社保局劳动保障监察机构投诉，或拨打 12345 反映。请准备好劳动合同、工资条、考勤记录、" +
            "聊天记录等能证明劳动关系和欠薪数额的材料。属于劳动争议（如解除合同的补偿）的，可向劳动人事争议仲裁委员会申请仲裁，仲裁不收费。"),
        new("DEMO-KB-10", "灵活就业人员参加社保和缴费", KnowledgeAudience.Public, "ld-sb", null, ["灵活就业", "社保", "个人缴费", "医保", "养老保险"],
            "无雇工的个体工商户、非全日制从业人员和新就业形态人员，可以灵活就业人员身份参加职工基本养老保险和职工基本医疗保险。" +
            "首次参保请登录政务服务网“社保个人服务”办理参保登记，选择缴费档次后按月缴费；中断缴费后可以续缴，医保待遇从续缴后的次月起恢复。"),
        new("DEMO-KB-11", "适龄儿童小学入学登记", KnowledgeAudience.Public, "jy-rx", null, ["入学", "小学报名", "幼升小", "学位"],
            "年满 6 周岁的适龄儿童，家长在每年 5 月按区教委公布的时间登录入学服务平台进行信息采集，填写户籍和住址信息，系统按划片原则分配学校。" +
            "非本市户籍儿童还需在规定时间内提交父母在本市的居住证明和就业证明，材料审核通过后统筹安排入学。"),
        new("DEMO-KB-12", "停电报修和计划停电查询", KnowledgeAudience.Public, "dl-td", null, ["停电", "没电", "断电", "跳闸"],
            "先看看邻居家和楼道有没有电：只有自己家停电的，多为户内空气开关跳闸或电费欠费；整栋楼或整片停电的，请拨打供电服务热线报修或拨打 12345 反映。" +
            "计划停电由供电公司提前 7 天在小区和官方渠道公告。家中有依靠电力维持生命的医疗设备的，请在报修时说明，供电公司优先处理。"),
        new("DEMO-KB-13", "紧急情况转接 110、119、120、122 的处理指引", KnowledgeAudience.Internal, null, "center", ["紧急转接", "110", "119", "120", "122", "三方通话"],
            "12345 不处理紧急警情和急救，接到下列来电应**立即三方转接**，不登记为普通工单等待派单：\n\n" +
            "- 正在发生的违法犯罪、打架斗殴、人身安全受到威胁：转 110；\n" +
            "- 火灾、燃气泄漏、被困：转 119；\n" +
            "- 急病、受伤需要急救：转 120；\n" +
            "- 交通事故：转 122。\n\n" +
            "转接时先告诉来电人“马上为您转接”，接通后简要说明情况和地址，确认对方已受理再退出通话；在工单时间线或通话记录中写明转接去向和时间。"),
        new("DEMO-KB-14", "停水诉求的派单与答复口径（自来水集团）", KnowledgeAudience.Internal, "sw-ts", "water", ["停水派单", "答复口径", "抢修"],
            "停水诉求按派单目录派至市自来水集团；同一小区 2 小时内多次来电的，合并到第一件工单，并在答复中说明抢修进度。\n\n" +
            "答复口径：说明停水原因（计划施工或抢修）、预计恢复时间、临时供水安排；超过预计时间仍未恢复的，须再次联系市民说明新的恢复时间。"),
    ];

    public static void Seed(HotlineDbContext db, IReadOnlyDictionary<string, Unit> units, DateTimeOffset now)
    {
        var actor = Actor.System("demo");
        foreach (var e in Entries)
        {
            var content = ArticleContent.Create(e.Title, e.Body, e.Audience, e.Keywords, [], e.Category is null ? [] : [e.Category], [],
                e.OwnerUnit is null ? null : units[e.OwnerUnit].Id, null, null);
            var article = KnowledgeArticle.Imported(Guid.NewGuid(), content, e.Id, actor, now);
            db.Set<KnowledgeArticle>().Add(article);
            KnowledgeChanges.Record(db, article.Id, now);
        }
    }
}
