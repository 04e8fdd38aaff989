using Hotline.Domain.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Core.Data.Configurations;

internal sealed class TicketAttachmentConfiguration : IEntityTypeConfiguration<TicketAttachment>
{
    public void Configure(EntityTypeBuilder<TicketAttachment> builder)
    {
        builder.ToTable("TicketAttachments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.FileName).HasMaxLength(TicketAttachment.MaxFileNameLength).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(TicketAttachment.MaxContentTypeLength).IsRequired();
        builder.Property(a => a.BlobKey).HasMaxLength(TicketAttachment.KeyLength).IsUnicode(false).IsRequired();
        builder.Property(a => a.ThumbnailKey).HasMaxLength(TicketAttachment.KeyLength).IsUnicode(false);
        builder.Property(a => a.UploadedBy).HasMaxLength(100).IsRequired();
        builder.Property(a => a.HiddenBy).HasMaxLength(100);
        builder.Ignore(a => a.IsHidden);
        builder.Ignore(a => a.IsBlurred);
        builder.Ignore(a => a.IsImage);
        builder.Property(a => a.BlurredBy).HasMaxLength(100);
        builder.Property(a => a.OriginalBlobKey).HasMaxLength(TicketAttachment.KeyLength).IsUnicode(false);
        builder.Property(a => a.OriginalThumbnailKey).HasMaxLength(TicketAttachment.KeyLength).IsUnicode(false);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(a => a.TicketId).OnDelete(DeleteBehavior.Cascade);

        // An order's list; the orphan cleanup asks which keys are still referred to.
        builder.HasIndex(a => new { a.TicketId, a.UploadedAt });
        builder.HasIndex(a => a.BlobKey);
        builder.HasIndex(a => a.ThumbnailKey);
        builder.HasIndex(a => a.OriginalBlobKey);
    }
}
