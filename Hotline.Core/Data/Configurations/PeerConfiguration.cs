using Hotline.Core.Features.Exchange;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Core.Data.Configurations;

internal sealed class PeerPlatformConfiguration : IEntityTypeConfiguration<PeerPlatform>
{
    public void Configure(EntityTypeBuilder<PeerPlatform> builder)
    {
        builder.ToTable("PeerPlatforms");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(PeerPlatform.MaxNameLength).IsRequired();
        builder.Property(p => p.Kind).HasMaxLength(10).IsRequired();
        builder.Property(p => p.BaseUrl).HasMaxLength(PeerPlatform.MaxUrlLength).IsRequired();
        builder.Property(p => p.Key).HasMaxLength(PeerPlatform.MaxKeyLength).IsRequired();
        builder.Property(p => p.Secret).HasMaxLength(PeerPlatform.MaxSecretLength).IsRequired();
        builder.Property(p => p.CreatedBy).HasMaxLength(64).IsRequired();
        builder.HasIndex(p => p.Name).IsUnique();
        builder.HasIndex(p => p.Key).IsUnique();
    }
}

internal sealed class PeerMessageConfiguration : IEntityTypeConfiguration<PeerMessage>
{
    public void Configure(EntityTypeBuilder<PeerMessage> builder)
    {
        builder.ToTable("PeerMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.TicketNumber).HasMaxLength(20).IsRequired();
        builder.Property(m => m.Type).HasMaxLength(20).IsRequired();
        builder.Property(m => m.Path).HasMaxLength(300).IsRequired();
        builder.Property(m => m.Body).IsRequired();
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.LastError).HasMaxLength(PeerMessage.MaxErrorLength);
        builder.HasOne<PeerPlatform>().WithMany().HasForeignKey(m => m.PeerId).OnDelete(DeleteBehavior.Cascade);

        // The worker's scan, and whether an earlier message of the same order to the same peer still waits.
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => new { m.PeerId, m.TicketId, m.Status, m.Sequence });
    }
}
