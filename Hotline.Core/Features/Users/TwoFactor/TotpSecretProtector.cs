using Hotline.Core.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Users.TwoFactor;

/// <summary>
/// TOTP secrets at rest (docs/security.md): the column holds <c>dp1:</c> and the secret encrypted with ASP.NET Core
/// Data Protection (authenticated AES, keys in <c>DataProtection:KeysDirectory</c>), never the secret itself, so a copy
/// of the database or a backup cannot mint codes. A value without the prefix is a secret stored before encryption came
/// in: it still verifies, and <see cref="ProtectPlainSecretsAsync"/> (run at start) encrypts it in place.
/// </summary>
public sealed class TotpSecretProtector(IDataProtectionProvider provider)
{
    public const string Prefix = "dp1:";

    private readonly IDataProtector _protector = provider.CreateProtector("Hotline.Users.TotpSecret.v1");

    public static bool IsProtected(string stored) => stored.StartsWith(Prefix, StringComparison.Ordinal);

    public string Protect(string secret) => Prefix + _protector.Protect(secret);

    /// <summary>The Base32 secret; throws <see cref="System.Security.Cryptography.CryptographicException"/> when the key ring lacks the key it was encrypted with.</summary>
    public string Unprotect(string stored) => IsProtected(stored) ? _protector.Unprotect(stored[Prefix.Length..]) : stored;

    /// <summary>Encrypts every secret still stored as it was typed; idempotent, so every node may run it at start.</summary>
    public async Task<int> ProtectPlainSecretsAsync(HotlineDbContext db, CancellationToken ct)
    {
        var plain = await db.Users.Where(u => u.TwoFactorSecret != null && !u.TwoFactorSecret.StartsWith(Prefix)).ToListAsync(ct);
        foreach (var user in plain)
        {
            user.ProtectTwoFactorSecret(Protect(user.TwoFactorSecret!));
        }

        await db.SaveChangesAsync(ct);
        return plain.Count;
    }
}
