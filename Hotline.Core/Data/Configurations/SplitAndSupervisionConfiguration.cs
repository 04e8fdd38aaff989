using Hotline.Domain.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Core.Data.Configurations;

/// <summary>The order's columns for 拆单, 领导批示, the 疑难/典型 flags and 待研判, and the instructions' table.</summary>
internal static class SplitAndSupervisionConfiguration
{
    public static void Configure(EntityTypeBuilder<Ticket> builder)
    {
        builder.HasIndex(t => t.SplitFromTicketId);
        builder.Property(t => t.AssessmentNote).HasMaxLength(Ticket.MaxNoteLength);
        builder.Property(t => t.AssessmentRequestedBy).HasMaxLength(100);
        builder.HasMany(t => t.Instructions).WithOne().HasForeignKey(i => i.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Instructions).UsePropertyAccessMode(PropertyAccessMode.Field);

        // The supervisors' lists: instructed orders still open, and the 待研判 queue.
        builder.HasIndex(t => new { t.InstructionCount, t.Status });
        builder.HasIndex(t => new { t.AssessmentPending, t.Status });
    }
}

internal sealed class TicketInstructionConfiguration : IEntityTypeConfiguration<TicketInstruction>
{
    public void Configure(EntityTypeBuilder<TicketInstruction> builder)
    {
        builder.ToTable("TicketInstructions");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedOnAdd();
        builder.Property(i => i.Text).HasMaxLength(TicketInstruction.MaxTextLength).IsRequired();
        builder.Property(i => i.Author).HasMaxLength(TicketInstruction.MaxAuthorLength).IsRequired();
        builder.Property(i => i.EnteredBy).HasMaxLength(100).IsRequired();
        builder.HasIndex(i => i.TicketId);
    }
}
