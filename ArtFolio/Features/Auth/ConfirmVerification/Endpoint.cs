using ArtFolio.Domain;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Auth.ConfirmVerification;

public sealed class Endpoint(AppDbContext db, AccountTokens tokens, VerifiedEmails verified, TimeProvider clock)
    : Endpoint<Request, Results<Ok<Users.Me.Response>, ProblemHttpResult>>
{
    public override void Configure()
    {
        Post("verification/confirm");
        Group<PublicAuthGroup>();
        Summary(s =>
        {
            s.Summary = "Verify an email address with the token from the verification email";
            s.Description =
                "200 with the account's profile. A token works once and only for the address it was sent to; "
                + "an expired, used, superseded or unknown one is a 400.";
            s.ExampleRequest = new Request { Token = "kc-HP58wXGsWgwsOaSzbzKa50aMmmPQFFCgP0LqzlLI" };
        });
    }

    public override async Task<Results<Ok<Users.Me.Response>, ProblemHttpResult>> ExecuteAsync(
        Request request,
        CancellationToken cancellationToken
    )
    {
        var token = await tokens.SpendAsync(db, request.Token!, OneTimeToken.VerifyEmail, cancellationToken);
        var user = token is null
            ? null
            : await db.Users.SingleOrDefaultAsync(u => u.Id == token.UserId, cancellationToken);
        // A link sent to an address the account no longer has proves nothing about the current one.
        if (user is null || user.Email != token!.Email)
            return Problems.Result(StatusCodes.Status400BadRequest, AccountTokens.Invalid);
        user.EmailVerifiedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await verified.ForgetAsync(user.Id, CancellationToken.None);
        return TypedResults.Ok(Users.Me.Response.From(user));
    }
}
