using Hotline.Domain.Telephony;
using Hotline.Domain.Tickets;
using Hotline.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Core.Data.Configurations;

internal sealed class CallConfiguration : IEntityTypeConfiguration<Call>
{
    public void Configure(EntityTypeBuilder<Call> builder)
    {
        builder.ToTable("Calls");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.CallSid).HasMaxLength(64).IsRequired();
        builder.HasIndex(c => c.CallSid).IsUnique();
        builder.Property(c => c.From).HasMaxLength(32).IsRequired();
        builder.Property(c => c.To).HasMaxLength(32);
        builder.Property(c => c.Status).HasMaxLength(20).IsRequired();
        builder.Property(c => c.RecordingSid).HasMaxLength(64);
        builder.Property(c => c.RecordingUrl).HasMaxLength(500);
        builder.Property(c => c.RecordingStatus).HasMaxLength(20);
        builder.HasIndex(c => new { c.IsActive, c.StartedAt });
        builder.HasIndex(c => c.StartedAt);
        builder.Property(c => c.PriorityReason).HasMaxLength(100);
        builder.HasIndex(c => new { c.AgentId, c.IsActive });
        builder.Ignore(c => c.IsWaiting);
        builder.Ignore(c => c.IsMissed);
        builder.HasIndex(c => c.MissedCallId);
        builder.HasIndex(c => new { c.CurrentAgentId, c.IsActive });
        builder.Property(c => c.ConferenceName).HasMaxLength(64);
        builder.Property(c => c.ConferenceSid).HasMaxLength(64);
        builder.Property(c => c.AgentLegSid).HasMaxLength(64);
        builder.HasIndex(c => c.AgentLegSid);
        builder.Property(c => c.SeatGroup).HasMaxLength(AgentSeatGroup.MaxLength);
        builder.Property(c => c.FlagReason).HasMaxLength(FlaggedCaller.ReasonMaxLength);
        builder.Property(c => c.FlagPolicy).HasConversion<string>().HasMaxLength(10);
        builder.Ignore(c => c.DomainEvents);
    }
}

internal sealed class CallTransferConfiguration : IEntityTypeConfiguration<CallTransfer>
{
    public void Configure(EntityTypeBuilder<CallTransfer> builder)
    {
        builder.ToTable("CallTransfers");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.HasOne<Call>().WithMany().HasForeignKey(t => t.CallId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.CallId, t.At });
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Bridge).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Target).HasMaxLength(200).IsRequired();
        builder.Property(t => t.TargetNumber).HasMaxLength(32);
        builder.Property(t => t.Service).HasMaxLength(8);
        builder.Property(t => t.Note).HasMaxLength(CallTransfer.NoteMaxLength);
        builder.Property(t => t.LegSid).HasMaxLength(64);
        builder.HasIndex(t => t.LegSid);
        builder.Property(t => t.ByName).HasMaxLength(100).IsRequired();
        builder.Property(t => t.LegStatus).HasMaxLength(20);
        builder.Ignore(t => t.IsLive);
    }
}

internal sealed class PriorityCallerConfiguration : IEntityTypeConfiguration<PriorityCaller>
{
    public void Configure(EntityTypeBuilder<PriorityCaller> builder)
    {
        builder.ToTable("PriorityCallers");
        builder.HasKey(p => p.Phone);
        builder.Property(p => p.Phone).HasMaxLength(20);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Note).HasMaxLength(PriorityCaller.NoteMaxLength);
        builder.Property(p => p.SetBy).HasMaxLength(100).IsRequired();
        builder.Ignore(p => p.Reason);
    }
}

internal sealed class FlaggedCallerConfiguration : IEntityTypeConfiguration<FlaggedCaller>
{
    public void Configure(EntityTypeBuilder<FlaggedCaller> builder)
    {
        builder.ToTable("FlaggedCallers");
        builder.HasKey(f => f.Phone);
        builder.Property(f => f.Phone).HasMaxLength(20);
        builder.Property(f => f.Reason).HasMaxLength(FlaggedCaller.ReasonMaxLength).IsRequired();
        builder.Property(f => f.Policy).HasConversion<string>().HasMaxLength(10);
        builder.Property(f => f.AddedBy).HasMaxLength(100).IsRequired();
        builder.Property(f => f.UpdatedBy).HasMaxLength(100).IsRequired();
    }
}

internal sealed class AgentSeatGroupConfiguration : IEntityTypeConfiguration<AgentSeatGroup>
{
    public void Configure(EntityTypeBuilder<AgentSeatGroup> builder)
    {
        builder.ToTable("AgentSeatGroups");
        builder.HasKey(g => new { g.UserId, g.SeatGroup });
        builder.Property(g => g.SeatGroup).HasMaxLength(AgentSeatGroup.MaxLength);
        builder.HasOne<User>().WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgentPresenceConfiguration : IEntityTypeConfiguration<AgentPresence>
{
    public void Configure(EntityTypeBuilder<AgentPresence> builder)
    {
        builder.ToTable("AgentPresences");
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.UserId).ValueGeneratedNever();
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<User>().WithOne().HasForeignKey<AgentPresence>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.Status);
        builder.Property(p => p.DevicePhone).HasMaxLength(20);
    }
}

internal sealed class AgentStateChangeConfiguration : IEntityTypeConfiguration<AgentStateChange>
{
    public void Configure(EntityTypeBuilder<AgentStateChange> builder)
    {
        builder.ToTable("AgentStateChanges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedOnAdd();
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.At, c.UserId });
        builder.HasIndex(c => new { c.UserId, c.At });
    }
}

internal sealed class CallbackSurveyConfiguration : IEntityTypeConfiguration<CallbackSurvey>
{
    public void Configure(EntityTypeBuilder<CallbackSurvey> builder)
    {
        builder.ToTable("CallbackSurveys");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasOne<Ticket>().WithMany().HasForeignKey(s => s.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.TicketId, s.Round }).IsUnique();
        builder.Property(s => s.Phone).HasMaxLength(32).IsRequired();
        builder.HasIndex(s => s.Phone);
        builder.Property(s => s.Stage).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(s => s.DueAt);
        builder.Property(s => s.AnsweredBy).HasMaxLength(10);
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}

internal sealed class SurveyMessageConfiguration : IEntityTypeConfiguration<SurveyMessage>
{
    public void Configure(EntityTypeBuilder<SurveyMessage> builder)
    {
        builder.ToTable("SurveyMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.HasOne<CallbackSurvey>().WithMany().HasForeignKey(m => m.SurveyId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.Direction).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.Purpose).HasMaxLength(20);
        builder.HasIndex(m => new { m.SurveyId, m.Purpose }).IsUnique();
        builder.Property(m => m.Sid).HasMaxLength(64);
        builder.HasIndex(m => m.Sid).IsUnique();
        builder.Property(m => m.Phone).HasMaxLength(32).IsRequired();
        builder.Property(m => m.Body).HasMaxLength(1600);
        builder.Property(m => m.Status).HasMaxLength(20).IsRequired();
        builder.Property(m => m.Error).HasMaxLength(500);
    }
}

internal sealed class MissedCallConfiguration : IEntityTypeConfiguration<MissedCall>
{
    public void Configure(EntityTypeBuilder<MissedCall> builder)
    {
        builder.ToTable("MissedCalls");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Phone).HasMaxLength(20).IsRequired();
        builder.HasIndex(m => m.Phone);
        builder.Property(m => m.OpenPhone).HasMaxLength(20);
        builder.HasIndex(m => m.OpenPhone).IsUnique();
        builder.Property(m => m.Reason).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(m => new { m.Status, m.FirstMissedAt });
        builder.HasIndex(m => m.CompletedAt);
        builder.Property(m => m.CallbackSid).HasMaxLength(64);
        builder.HasIndex(m => m.CallbackSid);
        builder.Property(m => m.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Note).HasMaxLength(MissedCall.NoteMaxLength);
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.AgentId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.Ignore(m => m.IsOpen);
    }
}

internal sealed class MissedCallAttemptConfiguration : IEntityTypeConfiguration<MissedCallAttempt>
{
    public void Configure(EntityTypeBuilder<MissedCallAttempt> builder)
    {
        builder.ToTable("MissedCallAttempts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedOnAdd();
        builder.HasOne<MissedCall>().WithMany().HasForeignKey(a => a.MissedCallId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.AgentId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.CallSid).HasMaxLength(64);
        builder.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Note).HasMaxLength(MissedCall.NoteMaxLength);
        builder.HasIndex(a => a.RecordedAt);
        builder.HasIndex(a => a.MissedCallId);
    }
}
