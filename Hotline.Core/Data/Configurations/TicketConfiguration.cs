using Hotline.Domain.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Core.Data.Configurations;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> builder)
    {
        builder.ToTable("Tickets");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Number).HasMaxLength(20).IsRequired();
        builder.HasIndex(t => t.Number).IsUnique();
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.CloseReason).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(t => t.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Urgency).HasConversion<string>().HasMaxLength(10);
        builder.Property(t => t.StatusBeforeReturn).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.CallbackOutcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.CategoryCode).HasMaxLength(32).IsRequired();
        builder.Property(t => t.Content).HasMaxLength(Ticket.MaxContentLength).IsRequired();
        builder.Property(t => t.CallSid).HasMaxLength(64);
        builder.Property(t => t.IdempotencyKey).HasMaxLength(200);
        builder.Property(t => t.IdempotencyFingerprint).HasMaxLength(64);
        builder.HasIndex(t => t.IdempotencyKey).IsUnique();
        builder.Property(t => t.Answer).HasMaxLength(Ticket.MaxContentLength);
        builder.Property(t => t.ReplyAnswer).HasMaxLength(Ticket.MaxContentLength);
        builder.Property(t => t.ReturnReason).HasMaxLength(Ticket.MaxNoteLength);
        builder.Property(t => t.PendingExtensionReason).HasMaxLength(Ticket.MaxNoteLength);
        builder.Property(t => t.CloseNote).HasMaxLength(Ticket.MaxNoteLength);
        builder.Property(t => t.Version).IsConcurrencyToken();

        builder.ComplexProperty(t => t.Citizen, c =>
        {
            c.Property(x => x.Name).HasColumnName("CitizenName").HasMaxLength(100);
            c.Property(x => x.Phone).HasColumnName("CitizenPhone").HasMaxLength(32);
            c.Property(x => x.Confidential).HasColumnName("CitizenConfidential");
        });
        builder.ComplexProperty(t => t.Location, l =>
        {
            l.Property(x => x.DistrictCode).HasColumnName("DistrictCode").HasMaxLength(32).IsRequired();
            l.Property(x => x.StreetCode).HasColumnName("StreetCode").HasMaxLength(32);
            l.Property(x => x.Address).HasColumnName("Address").HasMaxLength(500);
            l.Property(x => x.Latitude).HasColumnName("Latitude");
            l.Property(x => x.Longitude).HasColumnName("Longitude");
        });

        builder.HasMany(t => t.Participants).WithOne().HasForeignKey(p => p.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Participants).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Property(t => t.AlertsRaised).HasConversion<int>();
        builder.HasMany(t => t.Alerts).WithOne().HasForeignKey(a => a.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Alerts).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(t => t.Timeline).WithOne().HasForeignKey(e => e.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Timeline).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.Ignore(t => t.DomainEvents);
        builder.Ignore(t => t.IsOpen);
        builder.Ignore(t => t.AssistingUnitIds);
        builder.Ignore(t => t.CopiedUnitIds);
        builder.Ignore(t => t.HidesIdentityFromUnits);

        // The list's filters and the deadline sweep: by status and lead unit, and by the running deadline.
        builder.HasIndex(t => new { t.LeadUnitId, t.Status });
        builder.HasIndex(t => new { t.Status, t.CreatedAt });
        builder.HasIndex(t => t.NextDueAt);
        builder.HasIndex(t => t.NextAlertAt);
        builder.HasIndex(t => new { t.LeadUnitId, t.CreatedAt });
        builder.HasIndex(t => new { t.Status, t.RepliedAt });
        builder.HasIndex(t => t.CreatedAt);
        builder.HasIndex(t => t.CallSid);

        // The three rates and the volumes (docs/kpis.md): a period is a range of these columns.
        builder.HasIndex(t => new { t.FirstDispatchedAt, t.LeadUnitId });
        builder.HasIndex(t => new { t.CallbackAt, t.LeadUnitId });
        builder.HasIndex(t => new { t.CreatedDay, t.CategoryCode });
    }
}
