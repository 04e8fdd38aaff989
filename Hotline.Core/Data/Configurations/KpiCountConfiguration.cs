using Hotline.Core.Features.Kpis.Counts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Core.Data.Configurations;

internal sealed class KpiCountConfiguration : IEntityTypeConfiguration<KpiCount>
{
    public void Configure(EntityTypeBuilder<KpiCount> builder)
    {
        builder.ToTable("KpiCounts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedOnAdd();
        builder.Property(c => c.Dimension).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Key).HasMaxLength(KpiCount.MaxKeyLength).IsRequired();
        builder.Ignore(c => c.IsZero);

        // A period's figures are a range of days under one dimension; volumes and hot spots read only the index.
        builder.HasIndex(c => new { c.Dimension, c.Day, c.Key, c.HotSpot, c.Registered });
    }
}
