using System.Security.Cryptography;
using System.Text;

namespace ArtFolio.Infrastructure.Auth;

/// <summary>Decides the JWT signing key at start-up, refusing to start without a good one outside Development.</summary>
public static class SigningKey
{
    public const int MinimumBytes = 32;
    public const string DevelopmentKeyFile = "data/jwt-signing-key";

    public static byte[] Resolve(JwtOptions options, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            var key = Encoding.UTF8.GetBytes(options.SigningKey);
            return key.Length >= MinimumBytes
                ? key
                : throw new InvalidOperationException(
                    $"Jwt:SigningKey must be at least {MinimumBytes} bytes; generate one with `openssl rand -base64 48`."
                );
        }
        if (!environment.IsDevelopment())
            throw new InvalidOperationException(
                "Jwt:SigningKey is not set. Outside Development the API refuses to start without it "
                    + "(set the Jwt__SigningKey environment variable to at least 32 random bytes)."
            );
        return DevelopmentKey(Path.Combine(environment.ContentRootPath, DevelopmentKeyFile));
    }

    /// <summary>A generated key kept on disk, so that Development tokens survive a restart.</summary>
    private static byte[] DevelopmentKey(string path)
    {
        if (File.Exists(path))
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        var key = RandomNumberGenerator.GetBytes(64);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Convert.ToBase64String(key));
        return key;
    }
}
