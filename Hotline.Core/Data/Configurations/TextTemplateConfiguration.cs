using Hotline.Domain.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Core.Data.Configurations;

internal sealed class TextTemplateConfiguration : IEntityTypeConfiguration<TextTemplate>
{
    public void Configure(EntityTypeBuilder<TextTemplate> builder)
    {
        builder.ToTable("TextTemplates");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Name).HasMaxLength(TextTemplate.MaxNameLength).IsRequired();
        builder.Property(t => t.Body).HasMaxLength(TextTemplate.MaxBodyLength).IsRequired();
        builder.Property(t => t.CategoryCode).HasMaxLength(32);
        builder.Property(t => t.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Urgency).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.UpdatedBy).HasMaxLength(100);
        builder.HasOne<Domain.Reference.Unit>().WithMany().HasForeignKey(t => t.UnitId).OnDelete(DeleteBehavior.Cascade);

        // A unit's names are unique per kind here; the centre's (UnitId null) are checked by the save handler, as
        // PostgreSQL and SQLite let NULLs repeat in a unique index.
        builder.HasIndex(t => new { t.Kind, t.UnitId, t.Name }).IsUnique();
    }
}
