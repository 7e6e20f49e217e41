using System.Security.Cryptography;
using ArtFolio.Domain;
using ArtFolio.Infrastructure.Hosting;
using BCrypt.Net;
using Microsoft.AspNetCore.Identity;
using BCryptHasher = BCrypt.Net.BCrypt;

namespace ArtFolio.Infrastructure.Auth;

public sealed class PasswordOptions : ICheckedSettings
{
    public const string Section = "Passwords";

    /// <summary>BCrypt's cost: 2^WorkFactor rounds. 12 takes about a quarter second on a server core.</summary>
    public int WorkFactor { get; set; } = 12;

    public IEnumerable<string> Problems()
    {
        if (WorkFactor is < 4 or > 31)
            yield return "WorkFactor: must be from 4 to 31 (BCrypt's range)";
    }
}

/// <summary>
/// BCrypt password hashes, with equal work for unknown accounts. BCrypt reads only the first 72 bytes of
/// its input, so the password is first hashed with SHA-384 (BCrypt.Net's "enhanced" mode): every byte
/// of a long password counts. Hashes made before BCrypt (PBKDF2, ASP.NET Core Identity's format) still
/// verify, and ask to be replaced.
/// </summary>
public sealed class Passwords
{
    private const HashType PreHash = HashType.SHA384;
    private readonly PasswordHasher<User> legacy = new();
    private readonly int workFactor;
    private readonly string decoyHash;

    public Passwords(PasswordOptions options)
    {
        if (options.WorkFactor is < 4 or > 31)
            throw new InvalidOperationException("Passwords:WorkFactor must be from 4 to 31.");
        workFactor = options.WorkFactor;
        decoyHash = Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
    }

    public string Hash(string password) => BCryptHasher.EnhancedHashPassword(password, PreHash, workFactor);

    /// <summary>Checks a password; a null user still costs one hash, so timing does not tell whether the account exists.</summary>
    public PasswordCheck Verify(User? user, string password)
    {
        if (user is null)
        {
            BCryptHasher.EnhancedVerify(password, decoyHash, PreHash);
            return PasswordCheck.Wrong;
        }
        if (!IsBCrypt(user.PasswordHash))
            return legacy.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed
                ? PasswordCheck.Wrong
                : PasswordCheck.CorrectButRehash;
        if (!BCryptHasher.EnhancedVerify(password, user.PasswordHash, PreHash))
            return PasswordCheck.Wrong;
        return BCryptHasher.PasswordNeedsRehash(user.PasswordHash, workFactor)
            ? PasswordCheck.CorrectButRehash
            : PasswordCheck.Correct;
    }

    private static bool IsBCrypt(string hash) => hash.StartsWith("$2", StringComparison.Ordinal);
}

public enum PasswordCheck
{
    Wrong,
    Correct,
    CorrectButRehash,
}
