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

internal sealed class UnitClientConfiguration : IEntityTypeConfiguration<UnitClient>
{
    public void Configure(EntityTypeBuilder<UnitClient> builder)
    {
        builder.ToTable("UnitClients");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(UnitClient.MaxNameLength).IsRequired();
        builder.Property(c => c.ClientId).HasMaxLength(40).IsRequired();
        builder.HasIndex(c => c.ClientId).IsUnique();
        builder.Property(c => c.SecretHash).HasMaxLength(64).IsRequired();
        builder.Property(c => c.SecretHint).HasMaxLength(16).IsRequired();
        builder.Property(c => c.CreatedBy).HasMaxLength(100).IsRequired();
        builder.Ignore(c => c.IsActive);
        builder.HasOne<Hotline.Domain.Reference.Unit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.UnitId);
    }
}

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> builder)
    {
        builder.ToTable("IdempotentRequests");
        builder.HasKey(r => new { r.Scope, r.Key });
        builder.Property(r => r.Scope).HasMaxLength(100);
        builder.Property(r => r.Key).HasMaxLength(IdempotentRequest.MaxKeyLength);
        builder.Property(r => r.RequestHash).HasMaxLength(64).IsRequired();
        builder.Property(r => r.ContentType).HasMaxLength(200);
        builder.Property(r => r.Location).HasMaxLength(500);
        builder.Property(r => r.Body).HasMaxLength(IdempotentRequest.MaxBodyLength);
        builder.HasIndex(r => r.CreatedAt);
    }
}
