using Hotline.Domain.Knowledge;
using Hotline.Domain.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Core.Data.Configurations;

internal sealed class KnowledgeArticleConfiguration : IEntityTypeConfiguration<KnowledgeArticle>
{
    public void Configure(EntityTypeBuilder<KnowledgeArticle> builder)
    {
        builder.ToTable("KnowledgeArticles");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.ExternalId).HasMaxLength(KnowledgeArticle.MaxExternalIdLength);
        builder.HasIndex(a => a.ExternalId).IsUnique();
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(a => new { a.Status, a.UpdatedAt });
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.Title).HasMaxLength(ArticleContent.MaxTitleLength).IsRequired();
        builder.Property(a => a.AuthorName).HasMaxLength(64).IsRequired();
        builder.Property(a => a.LastEditorName).HasMaxLength(64);
        builder.Property(a => a.ReviewNote).HasMaxLength(KnowledgeArticle.MaxNoteLength);
        builder.Ignore(a => a.Latest);
        builder.Ignore(a => a.Published);
        builder.Ignore(a => a.IsLive);
        builder.HasMany(a => a.Versions).WithOne().HasForeignKey(v => v.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Versions).HasField("_versions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class KnowledgeArticleVersionConfiguration : IEntityTypeConfiguration<KnowledgeArticleVersion>
{
    public void Configure(EntityTypeBuilder<KnowledgeArticleVersion> builder)
    {
        builder.ToTable("KnowledgeArticleVersions");
        builder.HasKey(v => new { v.ArticleId, v.Number });
        builder.Property(v => v.Number).ValueGeneratedNever();
        builder.Property(v => v.Change).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Title).HasMaxLength(ArticleContent.MaxTitleLength).IsRequired();
        builder.Property(v => v.Body).HasMaxLength(ArticleContent.MaxBodyLength).IsRequired();
        builder.Property(v => v.Audience).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.ChangedBy).HasMaxLength(64).IsRequired();
        builder.Property(v => v.Note).HasMaxLength(KnowledgeArticle.MaxNoteLength);
        builder.Ignore(v => v.Content);
    }
}

internal sealed class KnowledgeCorrectionConfiguration : IEntityTypeConfiguration<KnowledgeCorrection>
{
    public void Configure(EntityTypeBuilder<KnowledgeCorrection> builder)
    {
        builder.ToTable("KnowledgeCorrections");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasOne<KnowledgeArticle>().WithMany().HasForeignKey(c => c.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Text).HasMaxLength(KnowledgeCorrection.MaxTextLength).IsRequired();
        builder.Property(c => c.ProposedBy).HasMaxLength(64).IsRequired();
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.ResolvedBy).HasMaxLength(64);
        builder.Property(c => c.Resolution).HasMaxLength(KnowledgeArticle.MaxNoteLength);
        builder.HasIndex(c => new { c.Status, c.CreatedAt });
    }
}

internal sealed class KnowledgeSynonymGroupConfiguration : IEntityTypeConfiguration<KnowledgeSynonymGroup>
{
    public void Configure(EntityTypeBuilder<KnowledgeSynonymGroup> builder)
    {
        builder.ToTable("KnowledgeSynonyms");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.Property(g => g.UpdatedBy).HasMaxLength(64).IsRequired();
    }
}

internal sealed class KnowledgeSearchConfiguration : IEntityTypeConfiguration<KnowledgeSearch>
{
    public void Configure(EntityTypeBuilder<KnowledgeSearch> builder)
    {
        builder.ToTable("KnowledgeSearches");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Query).HasMaxLength(KnowledgeSearch.MaxQueryLength).IsRequired();
        builder.HasIndex(s => s.At);
    }
}

internal sealed class KnowledgeVoteConfiguration : IEntityTypeConfiguration<KnowledgeVote>
{
    public void Configure(EntityTypeBuilder<KnowledgeVote> builder)
    {
        builder.ToTable("KnowledgeVotes");
        builder.HasKey(v => new { v.ArticleId, v.UserName });
        builder.Property(v => v.UserName).HasMaxLength(64);
        builder.HasOne<KnowledgeArticle>().WithMany().HasForeignKey(v => v.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KnowledgeChangeConfiguration : IEntityTypeConfiguration<KnowledgeChange>
{
    public void Configure(EntityTypeBuilder<KnowledgeChange> builder)
    {
        builder.ToTable("KnowledgeChanges");
        builder.HasKey(c => c.Sequence);
        builder.Property(c => c.Sequence).ValueGeneratedOnAdd();
    }
}

/// <summary>
/// The order's answer names the article it came from; indexed, because an article's uses are counted from it.
/// A second configuration of Ticket, so the knowledge base's part stays out of TicketConfiguration.
/// </summary>
internal sealed class TicketAnswerArticleConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> builder) => builder.HasIndex(t => t.AnswerArticleId);
}
