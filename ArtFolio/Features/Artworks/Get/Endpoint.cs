using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Caching;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Artworks.Get;

public sealed class Endpoint(AppDbContext db)
    : Endpoint<Request, Results<Ok<ArtworkResponse>, StatusCodeHttpResult, ProblemHttpResult>>
{
    public override void Configure()
    {
        Get("artworks/{id:guid}");
        AllowAnonymous();
        Options(o => o.CacheOutput(AnswerCacheSetup.Policy));
        Description(endpoint =>
            endpoint.Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound)
        );
        Summary(s =>
        {
            s.Summary = "One artwork";
            s.Description =
                "Carries an ETag: sent back in If-None-Match, an unchanged artwork is a 304 with no body. Anonymous "
                + "answers may be cached for 30 s (Cache-Control: public); answers to a token are private.";
        });
    }

    public override async Task<Results<Ok<ArtworkResponse>, StatusCodeHttpResult, ProblemHttpResult>> ExecuteAsync(
        Request request,
        CancellationToken cancellationToken
    )
    {
        var artwork = await ArtworkResponse.ByIdAsync(db, request.Id, User.UserIdOrNull());
        if (artwork is null)
            return ArtworkProblems.NotFound();
        HttpContext.TagAnswer(AnswerTags.Artwork(artwork.Id), AnswerTags.User(artwork.Artist.Username));
        return ConditionalGet.IsNotModified(HttpContext, artwork.Version())
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(artwork);
    }
}
