using ArtFolio.Domain;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Auth.Refresh;

public sealed class Endpoint(Sessions sessions) : Endpoint<Request, Results<Ok<AuthResponse>, ProblemHttpResult>>
{
    public const string Invalid = "The refresh token is invalid, expired or revoked; log in again.";

    public override void Configure()
    {
        Post("refresh");
        Group<PublicAuthGroup>();
        Description(endpoint => endpoint.ProducesProblem(StatusCodes.Status401Unauthorized));
        Summary(s =>
        {
            s.Summary = "Get a new access token (smart rotation of the refresh token)";
            s.ExampleRequest = new Request { RefreshToken = "q0bVZ1cWm8n4r2tWdkQp6yXh3sJ9fL5aE7uC1oIkT0g" };
            s.Description =
                "Returns the same refresh token (refreshTokenRotated: false, nothing written) unless it has less than "
                + "Jwt:RefreshRotationThreshold left, then a new one. A rotated-out token presented again within "
                + "Jwt:RefreshReuseGrace (10 s) returns the same new one (two tabs refreshing at once); later, it "
                + "revokes the session.";
        });
    }

    public override async Task<Results<Ok<AuthResponse>, ProblemHttpResult>> ExecuteAsync(
        Request request,
        CancellationToken cancellationToken
    ) =>
        await sessions.RefreshAsync(request.RefreshToken!, cancellationToken) is { } response
            ? TypedResults.Ok(response)
            : Problems.Result(StatusCodes.Status401Unauthorized, Invalid);
}
