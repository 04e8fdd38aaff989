using Hotline.Domain.Quality;
using Hotline.Domain.Telephony;
using Hotline.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Core.Data.Configurations;

internal sealed class QaChecklistItemConfiguration : IEntityTypeConfiguration<QaChecklistItem>
{
    public void Configure(EntityTypeBuilder<QaChecklistItem> builder)
    {
        builder.ToTable("QaChecklistItems");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Title).HasMaxLength(QaChecklistItem.TitleMaxLength).IsRequired();
        builder.HasIndex(i => new { i.IsActive, i.Position });
    }
}

internal sealed class QaReviewConfiguration : IEntityTypeConfiguration<QaReview>
{
    public void Configure(EntityTypeBuilder<QaReview> builder)
    {
        builder.ToTable("QaReviews");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasOne<Call>().WithMany().HasForeignKey(r => r.CallId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.CallId).IsUnique();
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.AgentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.CallAnsweredAt, r.AgentId });
        builder.Property(r => r.ReviewerName).HasMaxLength(100).IsRequired();
        builder.Property(r => r.Comment).HasMaxLength(QaReview.CommentMaxLength);
        builder.OwnsMany(r => r.Scores, score =>
        {
            score.ToTable("QaScores");
            score.WithOwner().HasForeignKey("ReviewId");
            score.Property<int>("Id").ValueGeneratedOnAdd();
            score.HasKey("Id");
            score.Property(s => s.Title).HasMaxLength(QaChecklistItem.TitleMaxLength).IsRequired();
        });
        builder.Navigation(r => r.Scores).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
