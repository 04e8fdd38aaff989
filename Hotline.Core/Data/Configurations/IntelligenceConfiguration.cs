using Hotline.Core.Features.Intelligence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Core.Data.Configurations;

internal sealed class CategoryModelConfiguration : IEntityTypeConfiguration<CategoryModel>
{
    public void Configure(EntityTypeBuilder<CategoryModel> builder)
    {
        builder.ToTable("CategoryModels");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.HasIndex(m => m.Version).IsUnique();
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        // Only one row holds true while it trains; NULL elsewhere (unique indexes ignore NULLs, filtered on SQL Server).
        builder.HasIndex(m => m.TrainingLock).IsUnique();
        builder.Property(m => m.RequestedBy).HasMaxLength(100).IsRequired();
        builder.Property(m => m.Sha256).HasMaxLength(64);
        builder.Property(m => m.ActivationNote).HasMaxLength(500);
        builder.Property(m => m.Error).HasMaxLength(1000);
        builder.HasIndex(m => m.Active);
    }
}

internal sealed class CategorySuggestionConfiguration : IEntityTypeConfiguration<CategorySuggestion>
{
    public void Configure(EntityTypeBuilder<CategorySuggestion> builder)
    {
        builder.ToTable("CategorySuggestions");
        builder.HasKey(s => s.TicketId);
        builder.Property(s => s.TicketId).ValueGeneratedNever();
        builder.Property(s => s.SuggestedCode).HasMaxLength(32).IsRequired();
        builder.Property(s => s.ChosenCode).HasMaxLength(32).IsRequired();
        builder.Ignore(s => s.Accepted);
        builder.HasIndex(s => s.Day);
        builder.HasOne<Hotline.Domain.Tickets.Ticket>().WithOne().HasForeignKey<CategorySuggestion>(s => s.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}
