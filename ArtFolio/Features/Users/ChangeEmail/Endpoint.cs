using ArtFolio.Domain;
using ArtFolio.Features.Auth;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Users.ChangeEmail;

public sealed class Endpoint(
    AppDbContext db,
    Passwords passwords,
    AccountEmails emails,
    VerifiedEmails verified,
    TimeProvider clock
) : Endpoint<Request, Results<Ok<Me.Response>, ValidationProblem, ProblemHttpResult>>
{
    public override void Configure()
    {
        Put("users/me/email");
        Description(endpoint => endpoint.ProducesProblem(StatusCodes.Status409Conflict));
        Summary(s =>
        {
            s.Summary = "Change the caller's email address (asks for the password)";
            s.Description =
                "The new address is unverified until its verification link is followed; a verification email goes "
                + "to it, and the old address is told of the change. A taken address is a 409, a wrong password "
                + "a 400 naming password.";
            s.ExampleRequest = new Request { Email = "ada.lovelace@example.com", Password = "analytical-engine" };
        });
    }

    public override async Task<Results<Ok<Me.Response>, ValidationProblem, ProblemHttpResult>> ExecuteAsync(
        Request request,
        CancellationToken cancellationToken
    )
    {
        var userId = User.UserId();
        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        if (passwords.Verify(user, request.Password!) == PasswordCheck.Wrong)
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["password"] = ["The password is wrong."] }
            );
        var email = request.Email!.Trim();
        var normalized = Domain.User.NormalizeEmail(email);
        if (normalized == user.NormalizedEmail && email == user.Email)
            return TypedResults.Ok(Me.Response.From(user)); // nothing changes
        if (
            normalized != user.NormalizedEmail
            && await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, cancellationToken)
        )
            return Problems.Result(StatusCodes.Status409Conflict, "An account with that email already exists.");

        var oldEmail = user.Email;
        user.Email = email;
        user.NormalizedEmail = normalized;
        user.EmailVerifiedAt = null;
        user.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        emails.SendVerification(db, user);
        emails.SendEmailChanged(db, user, oldEmail);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return Problems.Result(StatusCodes.Status409Conflict, "An account with that email already exists.");
        }
        await verified.ForgetAsync(user.Id, CancellationToken.None);
        return TypedResults.Ok(Me.Response.From(user));
    }
}
