using Hotline.Core.Features.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Core.Data.Configurations;

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.ToTable("WebhookSubscriptions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(WebhookSubscription.MaxNameLength).IsRequired();
        builder.Property(s => s.Url).HasMaxLength(WebhookSubscription.MaxUrlLength).IsRequired();
        builder.Property(s => s.Secret).HasMaxLength(WebhookSubscription.MaxSecretLength).IsRequired();
        builder.Property(s => s.EventTypes).HasMaxLength(4000).IsRequired();
        builder.Property(s => s.CreatedBy).HasMaxLength(64).IsRequired();
        builder.HasIndex(s => s.Name).IsUnique();
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("WebhookDeliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.TicketNumber).HasMaxLength(20).IsRequired();
        builder.Property(d => d.Type).HasMaxLength(100).IsRequired();
        builder.Property(d => d.Data).IsRequired();
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.LastError).HasMaxLength(WebhookDelivery.MaxErrorLength);
        builder.HasOne<WebhookSubscription>().WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.Change).WithMany().HasForeignKey(d => d.ChangeSequence).OnDelete(DeleteBehavior.Cascade);

        // The lanes' scan: what is due per subscriber, and whether an earlier event of the same order still waits.
        builder.HasIndex(d => new { d.SubscriptionId, d.Status, d.NextAttemptAt });
        builder.HasIndex(d => new { d.SubscriptionId, d.TicketId, d.Status, d.ChangeSequence });
        builder.HasIndex(d => new { d.SubscriptionId, d.Status, d.DeliveredAt });
    }
}
