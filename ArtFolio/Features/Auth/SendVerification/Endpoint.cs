using ArtFolio.Domain;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Http;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Auth.SendVerification;

public sealed class Endpoint(AppDbContext db, AccountEmails emails, AccountTokens tokens, AccountOptions options)
    : EndpointWithoutRequest<Results<Accepted<Response>, ProblemHttpResult>>
{
    public const string Route = "auth/verification";

    public override void Configure()
    {
        Post(Route);
        Options(endpoint => endpoint.RequireRateLimiting(RateLimitPolicies.Auth));
        Description(endpoint =>
            endpoint
                .ProducesProblem(StatusCodes.Status409Conflict)
                .ProducesProblem(StatusCodes.Status429TooManyRequests)
        );
        Summary(s =>
        {
            s.Summary = "Send the caller a link that verifies their email address";
            s.Description =
                "202 when the email is queued; 409 if the address is already verified; 429 after "
                + "Accounts:EmailsPerHour requests in an hour. Earlier links keep working until they expire.";
        });
    }

    public override async Task<Results<Accepted<Response>, ProblemHttpResult>> ExecuteAsync(
        CancellationToken cancellationToken
    )
    {
        var userId = User.UserId();
        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        if (user.EmailVerifiedAt is not null)
            return Problems.Result(StatusCodes.Status409Conflict, "This email address is already verified.");
        if (
            await tokens.RequestedInLastHourAsync(db, userId, OneTimeToken.VerifyEmail, cancellationToken)
            >= options.EmailsPerHour
        )
        {
            HttpContext.Response.Headers.RetryAfter = "3600";
            return Problems.Result(
                StatusCodes.Status429TooManyRequests,
                "Too many verification emails for this account; try again in an hour."
            );
        }
        emails.SendVerification(db, user);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted(
            (string?)null,
            new Response($"A verification link is on its way to {user.Email}.")
        );
    }
}
