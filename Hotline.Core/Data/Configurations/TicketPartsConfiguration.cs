using Hotline.Domain.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Core.Data.Configurations;

internal sealed class TimelineEntryConfiguration : IEntityTypeConfiguration<TimelineEntry>
{
    public void Configure(EntityTypeBuilder<TimelineEntry> builder)
    {
        builder.ToTable("TicketTimeline");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.Action).HasMaxLength(40).IsRequired();
        builder.Property(e => e.ActorUserName).HasMaxLength(100).IsRequired();
        builder.Property(e => e.FromStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.ToStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Note).HasMaxLength(Ticket.MaxContentLength);
        builder.HasIndex(e => new { e.TicketId, e.At });
        builder.HasIndex(e => new { e.Action, e.At }); // return, extension and rework counts over time (docs/kpis.md)
    }
}

internal sealed class TicketAlertConfiguration : IEntityTypeConfiguration<TicketAlert>
{
    public void Configure(EntityTypeBuilder<TicketAlert> builder)
    {
        builder.ToTable("TicketAlerts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedOnAdd();
        builder.Property(a => a.Stage).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(10);

        // The last guard of "at most once": two sweeps racing on one order cannot both insert an alert.
        builder.HasIndex(a => new { a.TicketId, a.Stage, a.Kind, a.DueAt, a.ClockEpoch }).IsUnique();
        builder.HasIndex(a => a.RaisedAt);
    }
}

internal sealed class TicketParticipantConfiguration : IEntityTypeConfiguration<TicketParticipant>
{
    public void Configure(EntityTypeBuilder<TicketParticipant> builder)
    {
        builder.ToTable("TicketParticipants");
        builder.HasKey(p => new { p.TicketId, p.UnitId, p.Role });
        builder.Property(p => p.Role).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(p => p.UnitId);
    }
}

internal sealed class TicketChangeConfiguration : IEntityTypeConfiguration<TicketChange>
{
    public void Configure(EntityTypeBuilder<TicketChange> builder)
    {
        builder.ToTable("TicketChanges");
        builder.HasKey(c => c.Sequence);
        builder.Property(c => c.Sequence).ValueGeneratedOnAdd();
        builder.Property(c => c.Number).HasMaxLength(20).IsRequired();
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Events).HasMaxLength(400).IsRequired();
        builder.Property(c => c.UnitIds).HasMaxLength(2000).IsRequired();
        builder.HasIndex(c => c.TicketId);
    }
}

internal sealed class DailySequenceConfiguration : IEntityTypeConfiguration<Data.DailySequence>
{
    public void Configure(EntityTypeBuilder<Data.DailySequence> builder)
    {
        builder.ToTable("DailySequences");
        builder.HasKey(s => s.Day);
        builder.Property(s => s.Day).HasMaxLength(8);
    }
}
