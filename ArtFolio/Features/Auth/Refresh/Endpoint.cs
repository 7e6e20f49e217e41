using ArtFolio.Domain;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Auth.Refresh;

public sealed class Endpoint(AppDbContext db, ActiveSessions sessions, TokenService tokens, TimeProvider clock)
    : Endpoint<Request, Results<Ok<AuthResponse>, ProblemHttpResult>>
{
    public const string Invalid = "The refresh token is invalid, expired or revoked; log in again.";

    public override void Configure()
    {
        Post("auth/refresh");
        AllowAnonymous();
        Options(endpoint => endpoint.RequireRateLimiting(RateLimitPolicies.Auth));
        Description(endpoint => endpoint.ProducesProblem(StatusCodes.Status401Unauthorized));
        Summary(s =>
        {
            s.Summary = "Get a new access token (smart rotation of the refresh token)";
            s.ExampleRequest = new Request { RefreshToken = "q0bVZ1cWm8n4r2tWdkQp6yXh3sJ9fL5aE7uC1oIkT0g" };
            s.Description =
                "Returns the same refresh token (refreshTokenRotated: false, nothing written) unless it has less than "
                + "Jwt:RefreshRotationThreshold left, then a new one. Presenting a rotated-out token again revokes the session.";
        });
    }

    public override async Task<Results<Ok<AuthResponse>, ProblemHttpResult>> ExecuteAsync(
        Request request,
        CancellationToken cancellationToken
    )
    {
        var hash = TokenService.Hash(request.RefreshToken!);
        var found = await (
            from token in db.RefreshTokens.AsNoTracking()
            where token.TokenHash == hash
            join user in db.Users.AsNoTracking() on token.Session.UserId equals user.Id
            select new
            {
                token.Id,
                token.SessionId,
                token.ExpiresAt,
                token.ReplacedAt,
                SessionRevokedAt = token.Session.RevokedAt,
                User = user,
            }
        ).SingleOrDefaultAsync(cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        if (found is null || found.SessionRevokedAt is not null || found.ExpiresAt <= now)
            return Problems.Result(StatusCodes.Status401Unauthorized, Invalid);
        if (found.ReplacedAt is not null)
            return await RevokeForReuse(db, sessions, found.SessionId, now, cancellationToken);

        if (found.ExpiresAt - now >= tokens.Options.RefreshRotationThreshold)
            // The common path: a new access token, the same refresh token, no write at all.
            return TypedResults.Ok(
                tokens.Respond(found.User, found.SessionId, request.RefreshToken!, found.ExpiresAt, rotated: false)
            );

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Claim the old token with a conditional update: of two refreshes racing with one token, one wins
        // and the other is treated as reuse, exactly as a replay would be.
        var claimed = await db
            .RefreshTokens.Where(t => t.Id == found.Id && t.ReplacedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ReplacedAt, now), cancellationToken);
        if (claimed == 0)
        {
            var reuse = await RevokeForReuse(db, sessions, found.SessionId, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return reuse;
        }
        var next = tokens.CreateRefreshToken();
        db.RefreshTokens.Add(
            new RefreshToken
            {
                SessionId = found.SessionId,
                TokenHash = next.Hash,
                CreatedAt = now,
                ExpiresAt = next.ExpiresAt,
            }
        );
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(tokens.Respond(found.User, found.SessionId, next.Value, next.ExpiresAt, rotated: true));
    }

    private static async Task<ProblemHttpResult> RevokeForReuse(
        AppDbContext db,
        ActiveSessions sessions,
        Guid sessionId,
        DateTime now,
        CancellationToken cancellationToken
    )
    {
        await db.RevokeSessionsAsync(
            sessions,
            s => s.Id == sessionId,
            SessionRevocation.TokenReuse,
            now,
            cancellationToken
        );
        return Problems.Result(StatusCodes.Status401Unauthorized, Invalid);
    }
}
