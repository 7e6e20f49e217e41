using ArtFolio.Domain;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Auth.ResetPassword;

public sealed class Endpoint(
    AppDbContext db,
    AccountTokens tokens,
    Passwords passwords,
    Sessions sessions,
    TimeProvider clock
) : Endpoint<Request, Results<NoContent, ProblemHttpResult>>
{
    public override void Configure()
    {
        Post("reset-password");
        Group<PublicAuthGroup>();
        Summary(s =>
        {
            s.Summary = "Choose a new password with the token from the reset email";
            s.Description =
                "204, and every session of the account ends (log in with the new password). The new password "
                + "follows the registration rules. An expired, used, superseded or unknown token is a 400.";
            s.ExampleRequest = new Request
            {
                Token = "kc-HP58wXGsWgwsOaSzbzKa50aMmmPQFFCgP0LqzlLI",
                NewPassword = "difference-engine",
                ConfirmPassword = "difference-engine",
            };
        });
    }

    public override async Task<Results<NoContent, ProblemHttpResult>> ExecuteAsync(
        Request request,
        CancellationToken cancellationToken
    )
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var token = await tokens.SpendAsync(db, request.Token!, OneTimeToken.ResetPassword, cancellationToken);
        var user = token is null
            ? null
            : await db.Users.SingleOrDefaultAsync(u => u.Id == token.UserId, cancellationToken);
        if (user is null)
            return Problems.Result(StatusCodes.Status400BadRequest, AccountTokens.Invalid);

        var now = clock.GetUtcNow().UtcDateTime;
        user.PasswordHash = passwords.Hash(request.NewPassword!);
        user.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await tokens.CancelAllAsync(db, user.Id, OneTimeToken.ResetPassword, cancellationToken);
        var ended = await sessions.RevokeAsync(user.Id, null, Sessions.PasswordReset, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await sessions.ForgetAsync(ended);
        return TypedResults.NoContent();
    }
}
