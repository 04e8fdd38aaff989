using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Core.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.ActorName).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Address).HasMaxLength(64);
        builder.Property(e => e.Action).HasMaxLength(48).IsRequired();
        builder.Property(e => e.TargetType).HasMaxLength(32);
        builder.Property(e => e.TargetId).HasMaxLength(64);
        builder.Property(e => e.Summary).HasMaxLength(500).IsRequired();
        builder.Property(e => e.Changes).HasMaxLength(AuditEntry.MaxChangesLength);
        builder.Property(e => e.Hash).HasMaxLength(64).IsFixedLength();
        builder.Ignore(e => e.IsSealed);
        builder.Ignore(e => e.CapturesChanges);

        // The search runs newest first by time, by actor or by order; the sealer and the verification walk the chain.
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.ActorName, e.At });
        builder.HasIndex(e => e.TicketId);
        builder.HasIndex(e => e.ChainIndex).IsUnique();
    }
}

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> builder)
    {
        builder.ToTable("AuditChainHead");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.LastIndex).IsConcurrencyToken();
        builder.Property(h => h.LastHash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.HasData(new AuditChainHead { Id = 1, LastIndex = 0, LastHash = AuditChainHead.Genesis });
    }
}
