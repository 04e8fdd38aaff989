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
        builder.Property(t => t.CallbackReasonCode).HasMaxLength(Domain.Callbacks.CallbackReason.MaxCodeLength);
        builder.Property(t => t.CallbackFailure).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.CategoryCode).HasMaxLength(32).IsRequired();
        builder.Property(t => t.Content).HasMaxLength(Ticket.MaxContentLength).IsRequired();
        builder.Property(t => t.CallSid).HasMaxLength(64);
        builder.Property(t => t.ExternalId).HasMaxLength(Ticket.MaxExternalIdLength);
        builder.HasIndex(t => t.ExternalId).IsUnique();
        builder.Property(t => t.IdempotencyKey).HasMaxLength(200);
        builder.Property(t => t.IdempotencyFingerprint).HasMaxLength(64);
        builder.HasIndex(t => t.IdempotencyKey).IsUnique();
        builder.Property(t => t.Answer).HasMaxLength(Ticket.MaxContentLength);
        builder.Property(t => t.ReplyAnswer).HasMaxLength(Ticket.MaxContentLength);
        builder.Property(t => t.ReturnReason).HasMaxLength(Ticket.MaxNoteLength);
        builder.Property(t => t.CloseNote).HasMaxLength(Ticket.MaxNoteLength);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Property(t => t.TransferPeerName).HasMaxLength(Ticket.MaxPeerNameLength);
        builder.Property(t => t.TransferPeerReference).HasMaxLength(Ticket.MaxPeerReferenceLength);
        builder.Property(t => t.TransferPeerStatus).HasMaxLength(20);
        builder.HasIndex(t => t.TransferOutId).IsUnique();
        builder.Property(t => t.SourcePeerName).HasMaxLength(Ticket.MaxPeerNameLength);
        builder.Property(t => t.SourceTransferId).HasMaxLength(Ticket.MaxPeerReferenceLength);
        builder.Property(t => t.SourceReference).HasMaxLength(Ticket.MaxPeerReferenceLength);
        builder.Property(t => t.ReviewStatus).HasConversion<string>().HasMaxLength(12);
        builder.Property(t => t.ReviewedBy).HasMaxLength(100);
        builder.Property(t => t.ReviewNote).HasMaxLength(Ticket.MaxNoteLength);
        builder.Property(t => t.SuspensionStatus).HasConversion<string>().HasMaxLength(12);
        builder.Property(t => t.SuspensionReason).HasMaxLength(Ticket.MaxNoteLength);

        // Ticks: SQL Server's time type holds less than a day.
        builder.Property(t => t.SuspendedTotal).HasConversion<long>();

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

        // The clocks and the pending extension live in the order's row under the column names they always had;
        // their indexes are declared on the owned builder, where EF keeps the properties.
        builder.OwnsOne(t => t.Clocks, c =>
        {
            c.Property(x => x.ReplyStartedAt).HasColumnName(nameof(TicketClocks.ReplyStartedAt));
            c.Property(x => x.WarningShare).HasColumnName(nameof(TicketClocks.WarningShare));
            c.Property(x => x.AcceptDueAt).HasColumnName(nameof(TicketClocks.AcceptDueAt));
            c.Property(x => x.ContactDueAt).HasColumnName(nameof(TicketClocks.ContactDueAt));
            c.Property(x => x.ReplyDueAt).HasColumnName(nameof(TicketClocks.ReplyDueAt));
            c.Property(x => x.AcceptWarnAt).HasColumnName(nameof(TicketClocks.AcceptWarnAt));
            c.Property(x => x.ContactWarnAt).HasColumnName(nameof(TicketClocks.ContactWarnAt));
            c.Property(x => x.ReplyWarnAt).HasColumnName(nameof(TicketClocks.ReplyWarnAt));
            c.Property(x => x.ClockEpoch).HasColumnName(nameof(TicketClocks.ClockEpoch));
            c.Property(x => x.WorkingDays).HasColumnName("WorkingDayStages").HasConversion<int>();
            c.Property(x => x.AlertsRaised).HasColumnName(nameof(TicketClocks.AlertsRaised)).HasConversion<int>();
            c.Property(x => x.NextDueAt).HasColumnName(nameof(TicketClocks.NextDueAt));
            c.Property(x => x.NextAlertAt).HasColumnName(nameof(TicketClocks.NextAlertAt));
            c.Ignore(x => x.IsEscalated);

            // The overdue list and the deadline sweep read only these.
            c.HasIndex(x => x.NextDueAt);
            c.HasIndex(x => x.NextAlertAt);
        });
        builder.Navigation(t => t.Clocks).IsRequired();
        builder.OwnsOne(t => t.PendingExtension, p =>
        {
            p.Property(x => x.DueAt).HasColumnName("PendingExtensionDueAt");
            p.Property(x => x.Reason).HasColumnName("PendingExtensionReason").HasMaxLength(Ticket.MaxNoteLength);
            p.Property(x => x.RequestedAt).HasColumnName("PendingExtensionRequestedAt");
        });

        builder.HasMany(t => t.Participants).WithOne().HasForeignKey(p => p.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Participants).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(t => t.Alerts).WithOne().HasForeignKey(a => a.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Alerts).UsePropertyAccessMode(PropertyAccessMode.Field);
        SplitAndSupervisionConfiguration.Configure(builder);
        builder.HasMany(t => t.Timeline).WithOne().HasForeignKey(e => e.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Timeline).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.Ignore(t => t.DomainEvents);
        builder.Ignore(t => t.IsOpen);
        builder.Ignore(t => t.AssistingUnitIds);
        builder.Ignore(t => t.CopiedUnitIds);
        builder.Ignore(t => t.HidesIdentityFromUnits);
        builder.Ignore(t => t.IsSuspended);
        builder.Ignore(t => t.IsReadyForCallback);
        builder.Ignore(t => t.IsCallbackExempted);

        // The list's filters and the deadline sweep: by status and lead unit, and by the running deadline.
        builder.HasIndex(t => new { t.LeadUnitId, t.Status });
        builder.HasIndex(t => new { t.Status, t.CreatedAt });
        builder.HasIndex(t => new { t.LeadUnitId, t.CreatedAt });
        builder.HasIndex(t => new { t.Status, t.RepliedAt });
        builder.HasIndex(t => t.CreatedAt);
        builder.HasIndex(t => t.CallSid);

        // The three rates and the volumes (docs/kpis.md): a period is a range of these columns.
        builder.HasIndex(t => new { t.FirstDispatchedAt, t.LeadUnitId });
        builder.HasIndex(t => new { t.CallbackAt, t.LeadUnitId });
        builder.HasIndex(t => new { t.CreatedDay, t.CategoryCode });

        // A hot spot's orders (HotSpotFinder): one category's orders of one week, then its street among them.
        builder.HasIndex(t => new { t.CategoryCode, t.CreatedDay });
    }
}

internal sealed class ReviewRuleConfiguration : IEntityTypeConfiguration<ReviewRule>
{
    public void Configure(EntityTypeBuilder<ReviewRule> builder)
    {
        builder.ToTable("ReviewRules");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.CategoryCode).HasMaxLength(ReviewRule.MaxCategoryCodeLength);
        builder.Property(r => r.Channel).HasConversion<string>().HasMaxLength(10);

        // The defaults arrive with the migration, once: an Admin who removes them is not overruled at the next start.
        builder.HasData(ReviewRule.Defaults());
    }
}
