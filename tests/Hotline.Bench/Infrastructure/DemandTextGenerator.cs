namespace Hotline.Bench.Infrastructure;

/// <summary>
/// Citizens' demands as an agent types them: one of 40 everyday problems (停水, 噪音, 路灯, 油烟, 欠薪 …), each in
/// three wordings, set in one of 3,000 residential compounds on one of 600 roads, with a building number, a
/// duration, and the openings and closings people use. A fixed seed gives the same city every run. Generated,
/// not real: the words are realistic, the mix of problems is uniform.
/// </summary>
public sealed class DemandTextGenerator(int seed)
{
    private static readonly string[][] Problems =
    [
        ["{小区}{楼}停水{时长}了，一直没有来水，也没有任何通知", "{小区}从{时点}开始就没有水了，{时长}都没恢复，生活很不方便", "{小区}{楼}自来水停了{时长}，打物业电话没人管"],
        ["{小区}{楼}楼上邻居天天半夜装修，电钻声音很大，影响休息", "{小区}{楼}有住户晚上十一点还在装修砸墙，噪音扰民", "我家楼上{楼}装修噪音太大了，连续{时长}晚上都在施工"],
        ["{路}上的路灯坏了{时长}，晚上黑漆漆的，走路很危险", "{小区}门口{路}的路灯不亮了，已经{时长}了，希望尽快修理", "{路}一段路灯全部不亮，晚上出行不安全"],
        ["{路}上有一家餐馆油烟直排，{小区}居民楼里都是油烟味", "{小区}楼下的饭店油烟很大，窗户都不敢开，要求整改", "{路}烧烤店油烟和噪音扰民，晚上一直营业到凌晨"],
        ["{小区}门口的垃圾{时长}没人清运，味道很大，苍蝇很多", "{小区}垃圾桶满了没人收，垃圾堆到路边，{时长}了", "{路}边垃圾堆积如山，环卫一直不来清理"],
        ["{路}路面有一个大坑，车辆经过很危险，请尽快修补", "{路}和{路2}路口路面塌陷，已经有电动车摔倒了", "{小区}门口{路}的路面坑坑洼洼，下雨就积水"],
        ["{路}上的井盖丢了，很危险，怕有人掉下去", "{小区}{楼}旁边井盖破损，已经{时长}了没人修", "{路}井盖松动，车一压就响，晚上很吵"],
        ["{小区}物业乱收停车费，业主不同意，请相关部门调查", "{小区}物业擅自涨物业费，没有经过业主大会", "{小区}物业服务很差，电梯坏了也不修，还要涨价"],
        ["{小区}{楼}的电梯经常坏，{时长}修不好，老人上下楼很困难", "{小区}{楼}电梯困人了，物业一直拖着不维修", "{小区}电梯年检过期了还在运行，担心安全"],
        ["{小区}{楼}燃气管道有异味，担心泄漏，请派人检查", "{小区}{楼}闻到很浓的煤气味，怀疑漏气", "{小区}燃气停了{时长}，做不了饭，什么时候恢复"],
        ["{路}工地夜间施工噪音扰民，晚上十二点还在施工", "{小区}旁边工地每天凌晨就开始打桩，吵得睡不着", "{路}工地渣土车晚上来回跑，噪音和扬尘都很大"],
        ["{小区}绿化带被人占用种菜，还浇粪水，很臭", "{小区}有人把公共绿地圈起来当自家菜园", "{小区}{楼}楼下绿化被毁，改成了停车位"],
        ["{小区}{楼}暖气不热，室温只有十几度，{时长}了", "{小区}今年供暖温度不达标，家里很冷", "{小区}{楼}暖气片漏水，找供热公司一直没人来"],
        ["{小区}{楼}停电{时长}了，冰箱里的东西都坏了", "{小区}经常跳闸停电，一周好几次", "{路}一带停电，没有提前通知，什么时候来电"],
        ["公司拖欠工资{时长}了，老板一直不给，{路}那家公司", "在{路}工地干活，包工头欠了三个月工资不给", "单位不给交社保，还拖欠工资，要求处理"],
        ["{路}公交站的公交车{时长}都不来一趟，等车太久", "{路}公交车司机态度恶劣，到站不停车", "建议在{小区}门口增设公交站点，出行太不方便"],
        ["{路}有流动摊贩占道经营，影响交通，垃圾也多", "{小区}门口早上有很多小商贩摆摊，堵得车都过不去", "{路}人行道被商户占用堆放货物，行人只能走机动车道"],
        ["{小区}{楼}楼道里堆满杂物，还有电动车充电，有火灾隐患", "{小区}有人在楼道里给电动车充电，很危险", "{小区}消防通道被私家车堵死了，物业不管"],
        ["{小区}下水道堵了，污水漫到路面上，{时长}了", "{小区}{楼}化粪池满了往外冒，臭气熏天", "{路}雨水井堵塞，一下雨就积水很深"],
        ["{路}有违章停车，把{小区}的出口堵住了", "{小区}门口{路}上车辆乱停，早晚高峰堵得厉害", "{路}占道停车严重，救护车都进不来"],
        ["{小区}{楼}楼顶漏水，家里墙面都发霉了，物业不管", "{小区}{楼}外墙瓷砖脱落，差点砸到人", "{小区}{楼}房屋墙体开裂，担心是危房"],
        ["{小区}附近学校周边有网吧，学生经常去", "{路}小学门口放学时交通很乱，希望安排交警", "孩子在{路}的幼儿园乱收费，一学期多收了好几千"],
        ["{路}的小饭馆卫生很差，吃完拉肚子", "在{路}超市买到过期食品，商家不给退", "{小区}门口的菜市场卖注水肉"],
        ["{小区}{楼}的狗每天晚上叫个不停，影响休息", "{小区}有人遛狗不牵绳，孩子被吓哭了", "{小区}流浪狗很多，担心咬人"],
        ["{小区}{楼}有人在家里开麻将馆，每天吵到半夜", "{小区}{楼}有群租房，住了十几个人，很不安全", "{小区}{楼}有人私自改建，把承重墙打掉了"],
        ["{路}的河道有人偷排污水，河水发黑发臭", "{小区}旁边的河{时长}都有死鱼，味道很大", "{路}附近的工厂晚上偷偷排放废气，气味刺鼻"],
        ["{小区}的健身器材坏了很久，一直没人修", "{小区}儿童游乐设施损坏，有安全隐患", "{路}公园的公共厕所太脏了，没人打扫"],
        ["{路}的红绿灯坏了，一直闪黄灯，路口很乱", "{路}和{路2}路口红绿灯时间太短，老人过不去马路", "建议在{路}{小区}门口加装红绿灯"],
        ["{小区}门口有黑车长期拉客", "在{路}打出租车，司机拒载还绕路", "{路}网约车乱停乱放，堵在路口"],
        ["{小区}{楼}楼下有人烧垃圾，烟很大", "{路}有人露天焚烧秸秆，空气很差", "{小区}附近有人烧纸，烟味很重"],
        ["咨询一下{小区}这边办理居住证需要什么材料", "想问一下在{路}附近哪里可以办社保卡", "咨询公积金提取需要什么手续，在{路}能办吗"],
        ["{小区}{楼}的有线电视和网络{时长}都没信号", "{小区}手机信号很差，打电话都断断续续", "{小区}宽带经常掉线，运营商一直不处理"],
        ["{小区}开发商延期交房{时长}了，一直不给说法", "{小区}房子交付后发现质量问题，开发商不管", "{小区}办不了房产证，开发商一直拖着"],
        ["{路}一家健身房突然关门，会员卡的钱退不了", "{路}的培训机构跑路了，预付的学费退不回来", "{路}美容院办卡后不给退款"],
        ["{小区}{楼}楼下的空调外机噪音很大，晚上睡不着", "{小区}{楼}邻居空调外机对着我家窗户吹", "{路}商场的空调外机噪音扰民"],
        ["{路}的树枝太长挡住了路灯和监控", "{小区}的大树倒了，压在车上，没人处理", "{路}行道树枯死了，担心倒下来砸到人"],
        ["{小区}附近的医院挂号太难，排队时间太长", "在{路}的医院看病，医生态度很差", "{小区}社区卫生服务站经常没有药"],
        ["{路}的天桥电梯坏了{时长}，老人上下很困难", "{路}地下通道积水，行人无法通行", "{路}人行道的盲道被占用"],
        ["{小区}有人高空抛物，差点砸到人", "{小区}{楼}有人从楼上往下扔垃圾", "{小区}{楼}楼上往下泼水"],
        ["{路}共享单车乱停乱放，把人行道堵住了", "{小区}门口堆满了共享单车，没人管", "{路}的共享电动车停得到处都是"],
    ];

    private static readonly string[] Openings = ["", "", "您好，", "你好，我想反映一下，", "我要投诉，", "我是{小区}的居民，", "麻烦问一下，"];
    private static readonly string[] Closings = ["", "。", "，请尽快处理。", "，希望相关部门管一管。", "，谢谢！", "，已经反映过好几次了，一直没人管。", "，请给个答复。"];
    private static readonly string[] Durations = ["两天", "三天", "好几天", "一个星期", "半个月", "一个多月", "很久"];
    private static readonly string[] Moments = ["昨天晚上", "今天早上", "前天", "上周", "中午"];
    private static readonly string[] CompoundFirst = ["阳光", "幸福", "和平", "金色", "东方", "翠湖", "锦绣", "紫荆", "龙泉", "星河", "望京", "长安", "康乐", "福安", "明珠", "祥和", "永安", "青年", "丽都", "华景", "春晖", "怡景", "天通", "北辰", "南湖"];
    private static readonly string[] CompoundSecond = ["家园", "花园", "小区", "新村", "嘉园", "名苑", "公寓", "里", "雅苑", "华庭", "东里", "西里"];
    private static readonly string[] RoadFirst = ["人民", "解放", "建设", "中山", "胜利", "和平", "新华", "文化", "光明", "东风", "友谊", "复兴", "青年", "朝阳", "安定", "崇文", "广渠", "德胜", "西直", "东直", "宣武", "白石", "红星", "民族"];
    private static readonly string[] RoadSecond = ["路", "大街", "北路", "南路", "东路", "西路", "胡同", "大道"];

    private readonly Random _random = new(seed);
    private readonly string[] _compounds = Names(seed + 1, CompoundFirst, CompoundSecond, 3000, true);
    private readonly string[] _roads = Names(seed + 2, RoadFirst, RoadSecond, 600, false);

    /// <summary>One demand; <paramref name="problem"/> and <paramref name="compound"/> pick the problem and the place (random when null).</summary>
    public string Next(int? problem = null, int? compound = null)
    {
        var wordings = Problems[problem ?? _random.Next(Problems.Length)];
        var text = Pick(Openings) + wordings[_random.Next(wordings.Length)] + Pick(Closings);
        return text
            .Replace("{小区}", _compounds[compound ?? _random.Next(_compounds.Length)], StringComparison.Ordinal)
            .Replace("{路2}", Pick(_roads), StringComparison.Ordinal)
            .Replace("{路}", Pick(_roads), StringComparison.Ordinal)
            .Replace("{楼}", $"{_random.Next(1, 30)}号楼", StringComparison.Ordinal)
            .Replace("{时长}", Pick(Durations), StringComparison.Ordinal)
            .Replace("{时点}", Pick(Moments), StringComparison.Ordinal);
    }

    public int ProblemCount => Problems.Length;

    public int CompoundCount => _compounds.Length;

    private string Pick(string[] values) => values[_random.Next(values.Length)];

    private static string[] Names(int seed, string[] first, string[] second, int count, bool numbered)
    {
        var random = new Random(seed);
        var names = new HashSet<string>();
        while (names.Count < count)
        {
            var name = first[random.Next(first.Length)] + (numbered && random.Next(3) == 0 ? $"{random.Next(1, 9)}期" : "") + second[random.Next(second.Length)];
            names.Add(RandomPrefix(random) + name);
        }

        return [.. names];
    }

    /// <summary>A two-character place prefix (城南, 枫林 …) so that 3,000 compounds have 3,000 names.</summary>
    private static string RandomPrefix(Random random)
    {
        const string chars = "城南北东西枫林桃李杏梅竹松柏兰菊荷湖山河溪泉石桥港湾岭峰园亭塘庄";
        return $"{chars[random.Next(chars.Length)]}{chars[random.Next(chars.Length)]}";
    }
}
