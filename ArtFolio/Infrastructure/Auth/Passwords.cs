using ArtFolio.Domain;
using Microsoft.AspNetCore.Identity;

namespace ArtFolio.Infrastructure.Auth;

/// <summary>PBKDF2 password hashing (ASP.NET Core Identity's hasher), with equal work for unknown accounts.</summary>
public sealed class Passwords
{
    private readonly PasswordHasher<User> hasher = new();
    private readonly string decoyHash;

    public Passwords() =>
        decoyHash = hasher.HashPassword(
            null!,
            Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))
        );

    public string Hash(User user, string password) => hasher.HashPassword(user, password);

    /// <summary>Checks a password; a null user still costs one hash, so timing does not tell whether the account exists.</summary>
    public PasswordCheck Verify(User? user, string password)
    {
        if (user is null)
        {
            hasher.VerifyHashedPassword(null!, decoyHash, password);
            return PasswordCheck.Wrong;
        }
        return hasher.VerifyHashedPassword(user, user.PasswordHash, password) switch
        {
            PasswordVerificationResult.Success => PasswordCheck.Correct,
            PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.CorrectButRehash,
            _ => PasswordCheck.Wrong,
        };
    }
}

public enum PasswordCheck
{
    Wrong,
    Correct,
    CorrectButRehash,
}
