using Hotline.Domain.Citizens;
using Hotline.Domain.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Core.Data.Configurations;

internal sealed class CitizenSubmissionConfiguration : IEntityTypeConfiguration<CitizenSubmission>
{
    public void Configure(EntityTypeBuilder<CitizenSubmission> builder)
    {
        builder.ToTable("CitizenSubmissions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.TrackingCode).HasMaxLength(CitizenSubmission.TrackingCodeLength).IsRequired();
        builder.HasIndex(s => s.TrackingCode).IsUnique();
        builder.HasIndex(s => s.TicketId).IsUnique();
        builder.HasOne<Ticket>().WithMany().HasForeignKey(s => s.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(s => s.ClientName).HasMaxLength(Open311Client.MaxNameLength).IsRequired();
        builder.Property(s => s.ServiceCode).HasMaxLength(32);
        builder.Property(s => s.Attributes).HasMaxLength(CitizenSubmission.MaxAttributesLength);
        builder.HasOne<Open311Client>().WithMany().HasForeignKey(s => s.Open311ClientId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class Open311ClientConfiguration : IEntityTypeConfiguration<Open311Client>
{
    public void Configure(EntityTypeBuilder<Open311Client> builder)
    {
        builder.ToTable("Open311Clients");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(Open311Client.MaxNameLength).IsRequired();
        builder.Property(c => c.KeyHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(c => c.KeyHash).IsUnique();
        builder.Property(c => c.KeyPrefix).HasMaxLength(16).IsRequired();
        builder.Property(c => c.CreatedBy).HasMaxLength(100).IsRequired();
    }
}
