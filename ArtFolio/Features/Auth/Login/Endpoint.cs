using ArtFolio.Domain;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using ArtFolio.Infrastructure.Telemetry;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Auth.Login;

public sealed class Endpoint(
    AppDbContext db,
    Passwords passwords,
    Sessions sessions,
    AppMetrics metrics,
    TimeProvider clock
) : Endpoint<Request, Results<Ok<AuthResponse>, ProblemHttpResult>>
{
    public const string WrongCredentials = "The email, username or password is wrong.";

    public override void Configure()
    {
        Post("login");
        Group<PublicAuthGroup>();
        Description(endpoint => endpoint.ProducesProblem(StatusCodes.Status401Unauthorized));
        Summary(s =>
        {
            s.Summary = "Log in with email or username and start a session";
            s.ExampleRequest = new Request { Email = "ada@example.com", Password = "analytical-engine" };
            s.Description = "A wrong password and an unknown account give the same 401.";
        });
    }

    public override async Task<Results<Ok<AuthResponse>, ProblemHttpResult>> ExecuteAsync(
        Request request,
        CancellationToken cancellationToken
    )
    {
        var user = string.IsNullOrEmpty(request.Email)
            ? await db.Users.SingleOrDefaultAsync(
                u => u.Username == Domain.User.NormalizeUsername(request.Username!),
                cancellationToken
            )
            : await db.Users.SingleOrDefaultAsync(
                u => u.NormalizedEmail == Domain.User.NormalizeEmail(request.Email),
                cancellationToken
            );

        var check = passwords.Verify(user, request.Password!);
        if (check == PasswordCheck.Wrong)
        {
            metrics.LoginAttempted("wrong_credentials");
            return Problems.Result(StatusCodes.Status401Unauthorized, WrongCredentials);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (check == PasswordCheck.CorrectButRehash)
            user!.PasswordHash = passwords.Hash(request.Password!);
        var response = sessions.Start(user!);
        await db.SaveChangesAsync(cancellationToken);
        metrics.LoginAttempted("success");
        return TypedResults.Ok(response);
    }
}
