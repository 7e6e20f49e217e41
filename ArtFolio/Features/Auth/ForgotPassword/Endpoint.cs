using ArtFolio.Domain;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ArtFolio.Features.Auth.ForgotPassword;

/// <summary>
/// Answers the same, in the same time, whether or not an account has the address: the request only
/// queues the address (one insert either way); <see cref="ResetRequestHandler"/> looks it up later and
/// sends the reset email if there is an account.
/// </summary>
public sealed class Endpoint(AppDbContext db, TimeProvider clock) : Endpoint<Request, Accepted<Response>>
{
    public const string Accepted = "If an account has this address, a link to reset its password is on its way.";

    public override void Configure()
    {
        Post("forgot-password");
        Group<PublicAuthGroup>();
        Summary(s =>
        {
            s.Summary = "Email a password reset link to an address, if an account has it";
            s.Description =
                "Always 202 with the same body, whether or not an account has the address. A new request makes "
                + "earlier reset links stop working. At most Accounts:EmailsPerHour reset emails go to one address "
                + "in an hour (more requests still get the 202).";
            s.ExampleRequest = new Request { Email = "ada@example.com" };
        });
    }

    public override async Task<Accepted<Response>> ExecuteAsync(Request request, CancellationToken cancellationToken)
    {
        db.Outbox.Add(
            OutboxMessage.For(
                ResetRequestHandler.Name,
                new ResetRequest(request.Email!.Trim()),
                clock.GetUtcNow().UtcDateTime
            )
        );
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted((string?)null, new Response(Accepted));
    }
}
