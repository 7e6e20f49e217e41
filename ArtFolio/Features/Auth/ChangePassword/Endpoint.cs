using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Auth.ChangePassword;

public sealed class Endpoint(
    AppDbContext db,
    Sessions sessions,
    Passwords passwords,
    AccountTokens resetTokens,
    TimeProvider clock
) : Endpoint<Request, Results<NoContent, ValidationProblem, ProblemHttpResult>>
{
    public override void Configure()
    {
        Post("auth/change-password");
        Summary(s =>
        {
            s.Summary = "Change the caller's password and end every session";
            s.ExampleRequest = new Request
            {
                CurrentPassword = "analytical-engine",
                NewPassword = "difference-engine",
                ConfirmPassword = "difference-engine",
            };
            s.Description = "Every session, this one included, is revoked: log in again with the new password.";
        });
    }

    public override async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ExecuteAsync(
        Request request,
        CancellationToken cancellationToken
    )
    {
        var userId = User.UserId();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
            return AccountProblems.Gone();
        if (passwords.Verify(user, request.CurrentPassword!) == PasswordCheck.Wrong)
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["currentPassword"] = ["The current password is wrong."] }
            );

        var now = clock.GetUtcNow().UtcDateTime;
        user.PasswordHash = passwords.Hash(request.NewPassword!);
        user.UpdatedAt = now;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var ended = await sessions.RevokeAsync(userId, null, Sessions.PasswordChanged, cancellationToken);
        // Reset links sent before the change would undo it: they stop working.
        await resetTokens.CancelAllAsync(db, userId, Domain.OneTimeToken.ResetPassword, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await sessions.ForgetAsync(ended);
        return TypedResults.NoContent();
    }
}
