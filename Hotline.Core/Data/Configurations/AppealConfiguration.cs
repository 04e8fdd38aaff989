using Hotline.Domain.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Core.Data.Configurations;

internal sealed class TicketAppealConfiguration : IEntityTypeConfiguration<TicketAppeal>
{
    public void Configure(EntityTypeBuilder<TicketAppeal> builder)
    {
        builder.ToTable("TicketAppeals");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(12);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(a => a.Reason).HasMaxLength(TicketAppeal.MaxReasonLength).IsRequired();
        builder.Property(a => a.FiledBy).HasMaxLength(100).IsRequired();
        builder.Property(a => a.DecidedBy).HasMaxLength(100);
        builder.Property(a => a.DecisionNote).HasMaxLength(Ticket.MaxNoteLength);
        builder.HasOne<Ticket>().WithMany(t => t.Appeals).HasForeignKey(a => a.TicketId).OnDelete(DeleteBehavior.Cascade);

        // The supervisors' list: by status, oldest first; a unit's own appeals.
        builder.HasIndex(a => new { a.Status, a.FiledAt });
        builder.HasIndex(a => new { a.UnitId, a.FiledAt });
    }
}

internal sealed class AppealPolicyConfiguration : IEntityTypeConfiguration<AppealPolicy>
{
    public void Configure(EntityTypeBuilder<AppealPolicy> builder)
    {
        builder.ToTable("AppealPolicies");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();

        // The default arrives with the migration, once; an Admin's change is never overruled at the next start.
        builder.HasData(new AppealPolicy(AppealPolicy.DefaultWindowWorkingDays));
    }
}
