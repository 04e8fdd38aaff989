using Hotline.Core.Features.Users.SignIn;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Core.Data.Configurations;

internal sealed class SignInFailureConfiguration : IEntityTypeConfiguration<SignInFailure>
{
    public void Configure(EntityTypeBuilder<SignInFailure> builder)
    {
        builder.ToTable("SignInFailures");
        builder.HasKey(f => f.Key);
        builder.Property(f => f.Key).HasMaxLength(SignInFailure.MaxKeyLength);

        // Old counts are deleted by age.
        builder.HasIndex(f => f.LastFailureAt);
    }
}
