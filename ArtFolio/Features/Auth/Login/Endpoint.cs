using ArtFolio.Domain;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Auth.Login;

public sealed class Endpoint : IEndpoint
{
    public const string WrongCredentials = "The email, username or password is wrong.";

    public static EndpointDefinition Definition { get; } =
        EndpointDefinition.Post("auth/login", Handle) with
        {
            Summary = "Log in with email or username and start a session",
            Description = "A wrong password and an unknown account give the same 401.",
            AllowAnonymous = true,
            RateLimitPolicy = RateLimitPolicies.Auth,
            Configure = endpoint => endpoint.ProducesProblem(StatusCodes.Status401Unauthorized),
        };

    private static async Task<Results<Ok<AuthResponse>, ProblemHttpResult>> Handle(
        Request request,
        AppDbContext db,
        Passwords passwords,
        TokenService tokens,
        TimeProvider clock,
        CancellationToken cancellationToken
    )
    {
        var user = string.IsNullOrEmpty(request.Email)
            ? await db.Users.SingleOrDefaultAsync(
                u => u.Username == User.NormalizeUsername(request.Username!),
                cancellationToken
            )
            : await db.Users.SingleOrDefaultAsync(
                u => u.NormalizedEmail == User.NormalizeEmail(request.Email),
                cancellationToken
            );

        var check = passwords.Verify(user, request.Password!);
        if (check == PasswordCheck.Wrong)
            return Problems.Result(StatusCodes.Status401Unauthorized, WrongCredentials);

        var now = clock.GetUtcNow().UtcDateTime;
        if (check == PasswordCheck.CorrectButRehash)
            user!.PasswordHash = passwords.Hash(user, request.Password!);
        var response = db.StartSession(tokens, user!, now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(response);
    }
}
