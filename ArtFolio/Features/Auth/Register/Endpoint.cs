using ArtFolio.Domain;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Auth.Register;

public sealed class Endpoint : IEndpoint
{
    public static EndpointDefinition Definition { get; } =
        EndpointDefinition.Post("auth/register", Handle) with
        {
            Summary = "Create an account and start a session",
            Description =
                "Usernames are stored lower-case; usernames and emails are unique case-insensitively (409 if taken).",
            AllowAnonymous = true,
            RateLimitPolicy = RateLimitPolicies.Auth,
            Configure = endpoint => endpoint.ProducesProblem(StatusCodes.Status409Conflict),
        };

    private static async Task<Results<Created<AuthResponse>, ProblemHttpResult>> Handle(
        Request request,
        AppDbContext db,
        Passwords passwords,
        TokenService tokens,
        TimeProvider clock,
        CancellationToken cancellationToken
    )
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var user = new User
        {
            Username = User.NormalizeUsername(request.Username!),
            Email = request.Email!.Trim(),
            NormalizedEmail = User.NormalizeEmail(request.Email!),
            DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? null : request.DisplayName.Trim(),
            PasswordHash = "",
            CreatedAt = now,
            UpdatedAt = now,
        };
        user.PasswordHash = passwords.Hash(user, request.Password!);
        db.Users.Add(user);
        var response = db.StartSession(tokens, user, now);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // The unique indexes decided; this only finds out which name lost, to say so.
            var usernameTaken = await db.Users.AnyAsync(u => u.Username == user.Username, cancellationToken);
            return Problems.Result(
                StatusCodes.Status409Conflict,
                usernameTaken ? "That username is taken." : "An account with that email already exists."
            );
        }
        return TypedResults.Created($"/api/v1/users/{user.Username}", response);
    }
}
