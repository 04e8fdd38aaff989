using Hotline.Contracts;
using Hotline.Domain.Common;
using Hotline.Domain.Reference;
using Unit = Hotline.Domain.Reference.Unit;
using Hotline.Domain.Telephony;
using Hotline.Domain.Tickets;
using Hotline.Domain.Users;
using Hotline.Core.Features.Reference;
using Hotline.Core.Features.Tickets;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Data.Seeding;

/// <summary>
/// The demo city for the embedded default: four districts with their streets, units of every kind, a
/// two-level catalogue with dispatch rules, the demo accounts of api.md and orders in every state, made
/// through the aggregate's own methods so their timelines and deadlines are real.
/// </summary>
internal sealed class DemoCitySeeder(HotlineDbContext db, IPasswordHasher<User> hasher, TicketNumberAllocator numbers, TimeProvider time, bool withKnowledge)
{
    // In Beijing's official order (东城 1, 西城 2, 朝阳 3, 丰台 4, 石景山 5, 海淀 6 …): the number is the district's place.
    private static readonly (string Code, string Name, int SortOrder, (string Code, string Name)[] Streets)[] DistrictData =
    [
        ("dc", "东城区", 1, [("dc-dhm", "东华门街道"), ("dc-jsj", "景山街道"), ("dc-jdj", "交道口街道"), ("dc-tdj", "天坛街道")]),
        ("xc", "西城区", 2, [("xc-ssh", "什刹海街道"), ("xc-jrj", "金融街街道"), ("xc-dsl", "大栅栏街道"), ("xc-zxl", "展览路街道")]),
        ("cy", "朝阳区", 3, [("cy-jw", "建外街道"), ("cy-wj", "望京街道"), ("cy-myc", "麦子店街道"), ("cy-amc", "奥运村街道")]),
        ("hd", "海淀区", 6, [("hd-zgc", "中关村街道"), ("hd-hd", "海淀街道"), ("hd-xsq", "学院路街道"), ("hd-qh", "清河街道")]),
    ];

    private static readonly (string Code, string Name, (string Code, string Name)[] Children)[] CategoryData =
    [
        ("sw", "供水排水", [("sw-ts", "停水"), ("sw-sz", "水质水压"), ("sw-ps", "排水堵塞")]),
        ("gr", "供暖", [("gr-bz", "供暖不热"), ("gr-sf", "供暖收费")]),
        ("rq", "燃气", [("rq-tg", "燃气停供"), ("rq-yh", "燃气安全隐患")]),
        ("dl", "供电", [("dl-td", "停电"), ("dl-xl", "线路隐患")]),
        ("cs", "市容环境", [("cs-lj", "垃圾清运"), ("cs-wj", "违法建设"), ("cs-gg", "户外广告"), ("cs-ld", "路灯照明")]),
        ("jt", "交通出行", [("jt-gj", "公交线路"), ("jt-tc", "违章停车"), ("jt-dl", "道路破损")]),
        ("hj", "生态环境", [("hj-zs", "噪声扰民"), ("hj-dq", "大气污染"), ("hj-yy", "餐饮油烟")]),
        ("sc", "市场监管", [("sc-sp", "食品安全"), ("sc-jg", "价格投诉"), ("sc-xf", "消费纠纷")]),
        ("ld", "劳动社保", [("ld-qx", "拖欠工资"), ("ld-sb", "社保办理")]),
        ("ws", "医疗卫生", [("ws-yy", "医院服务"), ("ws-ym", "疫苗接种")]),
        ("jy", "教育", [("jy-rx", "入学入园"), ("jy-px", "校外培训")]),
        ("wy", "物业管理", [("wy-fw", "物业服务"), ("wy-wx", "公共设施维修")]),
        ("zc", "政策咨询", [("zc-hj", "户籍办理"), ("zc-gjj", "住房公积金")]),
    ];

    // What callers say for each category, so the agent's category search finds 停水 from 没水 or 自来水.
    private static readonly Dictionary<string, string> CategoryKeywords = new(StringComparer.Ordinal)
    {
        ["sw-ts"] = "没水 断水 不来水 自来水 水停了",
        ["sw-sz"] = "水压低 水小 水黄 水浑 水有异味 水质差",
        ["sw-ps"] = "下水道 下水堵 污水 积水 雨水井 返水",
        ["gr-bz"] = "暖气不热 暖气 温度低 不供暖 没暖气",
        ["gr-sf"] = "暖气费 取暖费",
        ["rq-tg"] = "没气 停气 天然气 煤气",
        ["rq-yh"] = "漏气 燃气泄漏 煤气味 天然气",
        ["dl-td"] = "没电 断电 跳闸",
        ["dl-xl"] = "电线 电线杆 漏电 变压器",
        ["cs-lj"] = "垃圾 垃圾桶 没人清 乱扔",
        ["cs-wj"] = "违建 私搭乱建 加盖",
        ["cs-gg"] = "广告牌 招牌 小广告",
        ["cs-ld"] = "路灯不亮 灯坏了",
        ["jt-gj"] = "公交车 公交站 班次",
        ["jt-tc"] = "乱停车 占道 挡路 停车",
        ["jt-dl"] = "坑 路面塌陷 井盖 修路",
        ["hj-zs"] = "噪音 太吵 施工扰民 装修 广场舞",
        ["hj-dq"] = "烟尘 扬尘 异味 烧烤",
        ["hj-yy"] = "油烟 饭馆 饭店",
        ["sc-sp"] = "过期 变质 食物中毒",
        ["sc-jg"] = "乱收费 涨价 宰客",
        ["sc-xf"] = "退款 假货 预付卡 退货",
        ["ld-qx"] = "欠薪 工资 讨薪 拖欠",
        ["ld-sb"] = "社保 医保 养老保险",
        ["ws-yy"] = "看病 挂号 医生",
        ["ws-ym"] = "疫苗 打针",
        ["jy-rx"] = "上学 幼儿园 学位",
        ["jy-px"] = "培训班 补课 退费",
        ["wy-fw"] = "物业 保安 保洁",
        ["wy-wx"] = "电梯 楼道 维修",
        ["zc-hj"] = "户口 落户 身份证",
        ["zc-gjj"] = "公积金 提取 贷款",
    };

    private static readonly (string Code, string Name, UnitKind Kind)[] CityUnits =
    [
        ("center", "12345市民服务热线中心", UnitKind.Center),
        ("swj", "市水务局", UnitKind.CityDepartment),
        ("zjw", "市住房城乡建设委", UnitKind.CityDepartment),
        ("cgw", "市城市管理委", UnitKind.CityDepartment),
        ("jtw", "市交通委", UnitKind.CityDepartment),
        ("sthjj", "市生态环境局", UnitKind.CityDepartment),
        ("scjgj", "市市场监管局", UnitKind.CityDepartment),
        ("rsj", "市人力社保局", UnitKind.CityDepartment),
        ("wjw", "市卫生健康委", UnitKind.CityDepartment),
        ("jw", "市教委", UnitKind.CityDepartment),
        ("gaj", "市公安局", UnitKind.CityDepartment),
        ("water", "市自来水集团", UnitKind.PublicService),
        ("power", "市电力公司", UnitKind.PublicService),
        ("gas", "市燃气集团", UnitKind.PublicService),
        ("heat", "市热力集团", UnitKind.PublicService),
        ("telecom", "市电信公司", UnitKind.PublicService),
    ];

    private readonly Dictionary<string, Unit> _units = new(StringComparer.Ordinal);
    private readonly Random _random = new(12345);

    // Every demo account has the same published password, so one hash (its own random salt) serves them all:
    // hashing it once per account cost four seconds of every demo start, for no protection a known password could have.
    private string? _demoPasswordHash;

    public async Task SeedAsync(CancellationToken ct)
    {
        foreach (var (code, name, sortOrder, streets) in DistrictData)
        {
            var district = new District(code, name);
            district.SetSortOrder(sortOrder);
            district.SetStreets(streets);
            db.Districts.Add(district);
        }

        foreach (var (code, name, children) in CategoryData)
        {
            db.Categories.Add(new Category(code, name, null));
            foreach (var (childCode, childName) in children)
            {
                var child = new Category(childCode, childName, code);
                child.SetKeywords(CategoryKeywords.GetValueOrDefault(childCode, "").Split(' '));
                db.Categories.Add(child);
            }
        }

        await db.SaveChangesAsync(ct);
        SeedUnits();
        await db.SaveChangesAsync(ct);
        SeedRules();
        SeedUsers();
        DemoTemplates.Seed(db, _units, time.GetUtcNow());
        if (withKnowledge)
        {
            DemoKnowledge.Seed(db, _units, time.GetUtcNow());
        }

        await db.SaveChangesAsync(ct);
        await SeedOrdersAsync(ct);
    }

    private void SeedUnits()
    {
        var index = 0;
        foreach (var (code, name, kind) in CityUnits)
        {
            // The demo city's duty phones (值班电话), in a range no real line uses, so 转接单位 works on the local line.
            AddUnit(code, name, kind, null, null).SetPhone($"0105550{++index:D4}");
        }

        foreach (var (districtCode, districtName, _, streets) in DistrictData)
        {
            var government = AddUnit($"{districtCode}-gov", $"{districtName}人民政府", UnitKind.DistrictGovernment, null, districtCode);
            foreach (var (streetCode, streetName) in streets.Take(2))
            {
                AddUnit(streetCode, $"{districtName}{streetName}办事处", UnitKind.StreetOffice, government.Id, districtCode);
            }
        }
    }

    private Unit AddUnit(string code, string name, UnitKind kind, Guid? parentId, string? districtCode)
    {
        var unit = new Unit(Guid.NewGuid(), code, name, kind, parentId, districtCode);
        _units[code] = unit;
        db.Units.Add(unit);
        return unit;
    }

    private void SeedRules()
    {
        // 职权法定: a category names the unit legally responsible across the city.
        Rule("sw", "water");
        Rule("sw-ps", "swj");
        Rule("gr", "heat");
        Rule("rq", "gas");
        Rule("dl", "power");
        Rule("cs", "cgw");
        Rule("jt", "jtw");
        Rule("jt-tc", "gaj");
        Rule("hj", "sthjj");
        Rule("sc", "scjgj");
        Rule("ld", "rsj");
        Rule("ws", "wjw");
        Rule("jy", "jw");
        Rule("zc-hj", "gaj");
        Rule("zc-gjj", "zjw");

        // 属地管理: local matters go to the district government or the street office.
        foreach (var (districtCode, _, _, streets) in DistrictData)
        {
            Rule("cs-wj", $"{districtCode}-gov", districtCode);
            Rule("cs-lj", $"{districtCode}-gov", districtCode);
            foreach (var (streetCode, _) in streets.Take(2))
            {
                Rule("cs-wj", streetCode, districtCode, streetCode);
                Rule("wy-fw", streetCode, districtCode, streetCode);
            }
        }

        Rule("hj-zs", "cy-gov", "cy");

        // 物业维修 (wy-wx) and property services outside the street offices above have no rule on purpose:
        // they fall back to the district government (兜底).
    }

    private void Rule(string categoryCode, string unitCode, string? districtCode = null, string? streetCode = null) =>
        db.DispatchRules.Add(new DispatchRule(Guid.NewGuid(), categoryCode, districtCode, streetCode, _units[unitCode].Id));

    private void SeedUsers()
    {
        AddUser("admin", "管理员", [Roles.Admin], null);
        AddUser("agent", "话务员 李敏", [Roles.Agent], null);
        AddUser("agent2", "话务员 王芳", [Roles.Agent], null);
        AddUser("supervisor", "督办 张强", [Roles.Supervisor], null);
        AddUser("callback", "回访员 赵丽", [Roles.Callback], null);
        AddUser("kb", "知识库管理员 陈静", [Roles.KnowledgeEditor], null);
        foreach (var unit in _units.Values)
        {
            AddUser(unit.Code.ToLowerInvariant(), unit.Name, [Roles.Department], unit.Id);
        }
    }

    private void AddUser(string userName, string displayName, string[] roles, Guid? unitId)
    {
        var user = new User(Guid.NewGuid(), userName, displayName, roles, unitId);
        _demoPasswordHash ??= hasher.HashPassword(user, DatabaseInitializer.DemoPassword);
        user.SetPasswordHash(_demoPasswordHash);
        db.Users.Add(user);
    }

    private async Task SeedOrdersAsync(CancellationToken ct)
    {
        var snapshot = new ReferenceSnapshot(
            await db.Units.ToListAsync(ct),
            await db.Districts.Include(d => d.Streets).ToListAsync(ct),
            await db.Categories.ToListAsync(ct),
            await db.DispatchRules.ToListAsync(ct),
            await db.SlaPolicies.ToListAsync(ct),
            await db.CalendarDays.ToListAsync(ct));

        var agent = new Actor(null, "agent", [Roles.Agent], null);
        var supervisor = new Actor(null, "supervisor", [Roles.Supervisor], null);
        var callback = new Actor(null, "callback", [Roles.Callback], null);
        var now = time.GetUtcNow();
        var stories = DemoStories.All.OrderByDescending(s => s.Age).ToList();

        for (var i = 0; i < stories.Count; i++)
        {
            var story = stories[i];
            var createdAt = now - story.Age;
            var ticket = await RegisterAsync(story, createdAt, agent, ct);
            if (story.Target == DemoTarget.Registered)
            {
                continue;
            }

            var step = createdAt.AddMinutes(6);
            if (story.Target == DemoTarget.Answered)
            {
                ticket.AnswerOnSpot(story.Answer ?? "已按知识库答复市民。", agent, step);
                await db.SaveChangesAsync(ct);
                continue;
            }

            if (story.Target == DemoTarget.Duplicate)
            {
                var original = await db.Tickets.AsNoTracking().OrderBy(t => t.CreatedAt).FirstAsync(ct);
                ticket.MergeInto(original, agent, step);
                await db.SaveChangesAsync(ct);
                continue;
            }

            if (story.Target == DemoTarget.Invalid)
            {
                ticket.MarkInvalid("来电内容与政务服务无关，多次骚扰来电。", agent, step);
                await db.SaveChangesAsync(ct);
                continue;
            }

            var suggestion = snapshot.Catalogue.Suggest(ticket.CategoryCode, ticket.Location.DistrictCode, ticket.Location.StreetCode)!;
            ticket.Dispatch(suggestion.UnitId, [], snapshot.Catalogue.CopyTargetFor(suggestion.UnitId), snapshot, suggestion.Reason, agent, step);
            await db.SaveChangesAsync(ct);
            if (story.Target == DemoTarget.Dispatched)
            {
                continue;
            }

            var unit = snapshot.UnitsById[suggestion.UnitId];
            var staff = new Actor(null, unit.Code, [Roles.Department], unit.Id);
            if (story.Target == DemoTarget.ReturnRequested)
            {
                ticket.RequestReturn("经核实，该诉求不属于本单位职责范围，建议改派属地街道。", staff, step.AddMinutes(40));
                await db.SaveChangesAsync(ct);
                continue;
            }

            ticket.Accept(staff, step.AddMinutes(_random.Next(10, 90)));
            if (story.Target == DemoTarget.Accepted)
            {
                await db.SaveChangesAsync(ct);
                continue;
            }

            ticket.RecordContact("已电话联系市民，约定上门查看。", staff, step.AddHours(3));
            if (story.Target == DemoTarget.Contacted)
            {
                await db.SaveChangesAsync(ct);
                continue;
            }

            if (story.Target == DemoTarget.ExtensionPending)
            {
                ticket.RequestExtension(ticket.Clocks.ReplyDueAt!.Value.AddDays(7), "需协调产权单位共同处理，申请延期7天。", staff, step.AddHours(5));
                await db.SaveChangesAsync(ct);
                continue;
            }

            ticket.Reply(story.Solved, story.Answer ?? "已安排人员现场处理，问题已解决。", staff, step.AddHours(20));
            await db.SaveChangesAsync(ct);
            if (story.Target == DemoTarget.Replied)
            {
                // The demo's replied orders wait for a person, as if their automated survey had already run: no
                // survey SMS or call goes to the made-up phones (on the local line or, if configured, Twilio).
                db.CallbackSurveys.Add(CallbackSurvey.ForPerson(ticket.Id, ticket.ReworkCount, ticket.Citizen.Phone, step.AddHours(20)));
                await db.SaveChangesAsync(ct);
                continue;
            }

            ticket.RecordCallback(story.Outcome, story.Solved, null, snapshot, callback, step.AddHours(26));
            await db.SaveChangesAsync(ct);
            if (story.Target == DemoTarget.Reworked)
            {
                continue;
            }

            if (story.Target == DemoTarget.ClosedBySupervisor)
            {
                ticket.CloseBySupervisor("诉求已超出合理范围，经督办研判予以办结。", supervisor, step.AddHours(30));
                await db.SaveChangesAsync(ct);
            }
        }

        db.ChangeTracker.Clear();
    }

    private async Task<Ticket> RegisterAsync(DemoStory story, DateTimeOffset createdAt, Actor agent, CancellationToken ct)
    {
        var number = await numbers.NextAsync(db, createdAt, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ticket = Ticket.Register(
            Guid.NewGuid(),
            number,
            story.Channel,
            story.Type,
            story.CategoryCode,
            story.Urgency,
            new Citizen(story.CitizenName, story.Phone, story.Confidential),
            new TicketLocation(story.DistrictCode, story.StreetCode, story.Address, null, null),
            story.Content,
            null,
            null,
            null,
            story.Channel == Channel.Phone ? agent : Actor.System(story.Channel == Channel.Web ? "web" : "open311"),
            createdAt);
        db.Tickets.Add(ticket);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return ticket;
    }
}
