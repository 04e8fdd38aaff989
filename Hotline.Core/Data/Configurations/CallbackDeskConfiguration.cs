using Hotline.Contracts;
using Hotline.Domain.Callbacks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Core.Data.Configurations;

/// <summary>
/// The 不满意原因 and the 回访话术. Their first rows come with the CallbackDesk migration (every database has them, not
/// only the demo's); the scripts are edited afterwards through <c>PUT /api/callbacks/scripts/{type}</c>.
/// </summary>
internal sealed class CallbackReasonConfiguration : IEntityTypeConfiguration<CallbackReason>
{
    public void Configure(EntityTypeBuilder<CallbackReason> builder)
    {
        builder.ToTable("CallbackReasons");
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).HasMaxLength(CallbackReason.MaxCodeLength);
        builder.Property(r => r.Name).HasMaxLength(50).IsRequired();
        builder.HasData(
            new CallbackReason("unresolved", "未解决诉求", 1),
            new CallbackReason("not-contacted", "未联系诉求人", 2),
            new CallbackReason("attitude", "态度不好", 3),
            new CallbackReason("buck-passing", "推诿扯皮", 4),
            new CallbackReason("overdue", "办理超时", 5),
            new CallbackReason("other", "其他", 6));
    }
}

internal sealed class CallbackScriptConfiguration : IEntityTypeConfiguration<CallbackScript>
{
    private static readonly DateTimeOffset Seeded = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    public void Configure(EntityTypeBuilder<CallbackScript> builder)
    {
        builder.ToTable("CallbackScripts");
        builder.HasKey(s => s.Type);
        builder.Property(s => s.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Body).HasMaxLength(CallbackScript.MaxBodyLength).IsRequired();
        builder.Property(s => s.UpdatedBy).HasMaxLength(100);
        builder.HasData(
            new CallbackScript(TicketType.Consultation, Script("咨询", "单位是否已经答复了您咨询的问题？答复的内容您是否清楚？"), Seeded),
            new CallbackScript(TicketType.HelpRequest, Script("求助", "您求助的事项是否已经得到帮助和解决？"), Seeded),
            new CallbackScript(TicketType.Complaint, Script("投诉", "承办单位是否联系过您？您投诉的问题现在是否已经解决？"), Seeded),
            new CallbackScript(TicketType.Report, Script("举报", "承办单位是否已核查您反映的情况并告知处理结果？"), Seeded),
            new CallbackScript(TicketType.Suggestion, Script("建议", "承办单位是否已回复您的建议？对回复的内容您是否认可？"), Seeded),
            new CallbackScript(TicketType.Praise, Script("表扬", "您的表扬已转达承办单位，感谢您对他们工作的肯定。"), Seeded));
    }

    private static string Script(string type, string question) =>
        $"您好，我是12345热线回访员，工号____。您前几天反映的{type}事项（工单编号见屏幕），承办单位已经答复。\n"
        + $"1. {question}\n"
        + "2. 您对这次办理的结果是满意、基本满意还是不满意？\n"
        + "3. 如不满意，请问主要是什么原因？（未解决诉求、未联系诉求人、态度不好、推诿扯皮、办理超时、其他）\n"
        + "感谢您对12345热线工作的支持，再见。";
}
