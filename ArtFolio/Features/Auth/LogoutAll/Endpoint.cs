using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ArtFolio.Features.Auth.LogoutAll;

public sealed class Endpoint(Sessions sessions) : EndpointWithoutRequest<NoContent>
{
    public override void Configure()
    {
        Post("auth/logout-all");
        Summary(s =>
        {
            s.Summary = "End every session of the caller, on every device";
            s.Description =
                "Revokes every refresh token of the caller and ends their access tokens and notification sockets at once, on every instance. Answers 204.";
        });
    }

    public override async Task<NoContent> ExecuteAsync(CancellationToken cancellationToken)
    {
        await sessions.RevokeAsync(User.UserId(), null, Sessions.LogoutAll, cancellationToken);
        return TypedResults.NoContent();
    }
}
