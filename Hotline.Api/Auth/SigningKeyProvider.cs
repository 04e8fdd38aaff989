using System.Security.Cryptography;
using System.Text;
using Hotline.Core.Data;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Hotline.Api.Auth;

/// <summary>
/// The key that signs access tokens: <c>Auth:SigningKey</c>, or on the embedded SQLite default a random key
/// created once and kept beside the database, so tokens survive a restart without a secret in the repository.
/// </summary>
public sealed class SigningKeyProvider
{
    public SigningKeyProvider(IOptions<JwtOptions> jwt, IOptions<DatabaseOptions> database, IHostEnvironment environment)
    {
        var configured = jwt.Value.SigningKey;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (configured.Length < 32)
            {
                throw new OptionsValidationException(JwtOptions.Section, typeof(JwtOptions), ["Auth:SigningKey must be at least 32 characters."]);
            }

            Key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(configured));
            return;
        }

        if (database.Value.Provider != DatabaseProvider.Sqlite)
        {
            throw new OptionsValidationException(JwtOptions.Section, typeof(JwtOptions), ["Auth:SigningKey is required with a server database: every API node must sign with the same key."]);
        }

        var directory = Path.GetFullPath(database.Value.DataDirectory, environment.ContentRootPath);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "jwt-signing.key");
        if (!File.Exists(path))
        {
            File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)));
        }

        Key = new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }

    public SymmetricSecurityKey Key { get; }
}
