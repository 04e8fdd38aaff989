using Hotline.Core.Features.Users.Sessions;
using Hotline.Core.Features.Users.TwoFactor;
using Hotline.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Core.Data.Configurations;

internal sealed class RecoveryCodeConfiguration : IEntityTypeConfiguration<RecoveryCode>
{
    public void Configure(EntityTypeBuilder<RecoveryCode> builder)
    {
        builder.ToTable("RecoveryCodes");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.CodeHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(r => new { r.UserId, r.CodeHash }).IsUnique();
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("UserSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.RefreshTokenHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(s => s.RefreshTokenHash).IsUnique();
        builder.Property(s => s.PasswordStamp).HasMaxLength(32).IsRequired();
        builder.Property(s => s.Address).HasMaxLength(64);
        builder.Property(s => s.UserAgent).HasMaxLength(SessionStore.MaxUserAgentLength);
        builder.Property(s => s.EndedBy).HasMaxLength(64);
        builder.HasIndex(s => new { s.UserId, s.EndedAt });
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
