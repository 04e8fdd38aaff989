using Hotline.Domain.Calendar;
using Hotline.Domain.Reference;
using Hotline.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Core.Data.Configurations;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> builder)
    {
        builder.ToTable("Units");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.Code).HasMaxLength(32).IsRequired();
        builder.HasIndex(u => u.Code).IsUnique();
        builder.Property(u => u.Name).HasMaxLength(100).IsRequired();
        builder.Property(u => u.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(u => u.DistrictCode).HasMaxLength(32);
        builder.Property(u => u.Phone).HasMaxLength(20);
        builder.HasOne<Unit>().WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> builder)
    {
        builder.ToTable("Districts");
        builder.HasKey(d => d.Code);
        builder.Property(d => d.Code).HasMaxLength(32);
        builder.Property(d => d.Name).HasMaxLength(100).IsRequired();
        builder.HasMany(d => d.Streets).WithOne().HasForeignKey(s => s.DistrictCode).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Streets).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class StreetConfiguration : IEntityTypeConfiguration<Street>
{
    public void Configure(EntityTypeBuilder<Street> builder)
    {
        builder.ToTable("Streets");
        builder.HasKey(s => s.Code);
        builder.Property(s => s.Code).HasMaxLength(32);
        builder.Property(s => s.Name).HasMaxLength(100).IsRequired();
        builder.Property(s => s.DistrictCode).HasMaxLength(32);
    }
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.ToTable("Categories");
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(32);
        builder.Property(c => c.Name).HasMaxLength(100).IsRequired();
        builder.Property(c => c.ParentCode).HasMaxLength(32);
        builder.Property(c => c.Keywords).HasMaxLength(500).IsRequired();
        builder.Ignore(c => c.KeywordList);
        builder.HasOne<Category>().WithMany().HasForeignKey(c => c.ParentCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DispatchRuleConfiguration : IEntityTypeConfiguration<DispatchRule>
{
    public void Configure(EntityTypeBuilder<DispatchRule> builder)
    {
        builder.ToTable("DispatchRules");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.CategoryCode).HasMaxLength(32).IsRequired();
        builder.Property(r => r.DistrictCode).HasMaxLength(32);
        builder.Property(r => r.StreetCode).HasMaxLength(32);
        builder.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.CategoryCode);
    }
}

internal sealed class SlaPolicyConfiguration : IEntityTypeConfiguration<SlaPolicy>
{
    public void Configure(EntityTypeBuilder<SlaPolicy> builder)
    {
        builder.ToTable("SlaPolicies");
        builder.HasKey(p => p.Tier);
        builder.Property(p => p.Tier).HasConversion<string>().HasMaxLength(10);
        builder.ComplexProperty(p => p.Accept, l =>
        {
            l.Property(x => x.Value).HasColumnName("AcceptValue");
            l.Property(x => x.Unit).HasColumnName("AcceptUnit").HasConversion<string>().HasMaxLength(12);
        });
        builder.ComplexProperty(p => p.Contact, l =>
        {
            l.Property(x => x.Value).HasColumnName("ContactValue");
            l.Property(x => x.Unit).HasColumnName("ContactUnit").HasConversion<string>().HasMaxLength(12);
        });
        builder.ComplexProperty(p => p.Reply, l =>
        {
            l.Property(x => x.Value).HasColumnName("ReplyValue");
            l.Property(x => x.Unit).HasColumnName("ReplyUnit").HasConversion<string>().HasMaxLength(12);
        });
    }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> builder)
    {
        builder.ToTable("CalendarDays");
        builder.HasKey(d => d.Date);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.Name).HasMaxLength(50).IsRequired();
    }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("Users");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.UserName).HasMaxLength(64).IsRequired();
        builder.HasIndex(u => u.UserName).IsUnique();
        builder.Property(u => u.DisplayName).HasMaxLength(100).IsRequired();
        builder.Property(u => u.PasswordHash).HasMaxLength(200).IsRequired();
        // Data Protection's payload of a 32-character secret is about 160 characters; room for a larger key or algorithm.
        builder.Property(u => u.TwoFactorSecret).HasMaxLength(512);
        builder.Property(u => u.CallConnection).HasConversion<string>().HasMaxLength(10).HasDefaultValue(Hotline.Contracts.Telephony.CallConnection.Phone).HasSentinel((Hotline.Contracts.Telephony.CallConnection)(-1));
        builder.Ignore(u => u.TwoFactorEnabled);
        builder.HasOne<Unit>().WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
