using System.Text;
using ArtFolio.Features.Orders;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Media;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Artworks.Original;

public sealed class Endpoint(AppDbContext db, IMediaStore media)
    : Endpoint<Request, Results<Ok<Response>, ProblemHttpResult>>
{
    public override void Configure()
    {
        Get("artworks/{id:guid}/original");
        Description(endpoint =>
            endpoint.ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
        );
        Summary(s =>
        {
            s.Summary = "A short-lived link to an artwork's original file (its artist and its buyers)";
            s.Description =
                "The public sees an image's renditions (images, imageUrl) up to the widest; the original, at full"
                + " resolution with its metadata stripped, is downloaded through this signed link, which works for"
                + " Media:OriginalUrlLifetime (5 minutes) and serves HTTP range requests. Its artist and whoever has a"
                + " paid order of it may ask (a refunded order no longer counts). Anonymous is a 401, anyone else a"
                + " 403, an unknown id a 404.";
        });
    }

    public override async Task<Results<Ok<Response>, ProblemHttpResult>> ExecuteAsync(
        Request request,
        CancellationToken cancellationToken
    )
    {
        var me = User.UserId();
        var artwork = await db.Artworks.AsNoTracking().SingleOrDefaultAsync(a => a.Id == request.Id, cancellationToken);
        if (artwork is null)
            return ArtworkProblems.NotFound();
        if (artwork.ArtistId != me && !await db.Orders.OwnedAsync(me, request.Id, cancellationToken))
            return Problems.Result(
                StatusCodes.Status403Forbidden,
                "Only the artwork's artist and those who bought it can download its original."
            );

        var fileName = FileNameOf(artwork.Title) + Path.GetExtension(artwork.MediaKey);
        var link = await media.OriginalUrlAsync(artwork.Media, fileName, cancellationToken);
        HttpContext.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.Ok(
            new Response(
                link.Url,
                link.ExpiresAt,
                fileName,
                artwork.ContentType,
                artwork.Bytes,
                artwork.Width,
                artwork.Height
            )
        );
    }

    /// <summary>"Lantern over the harbor" as <c>lantern-over-the-harbor</c>: letters and digits, dashes between.</summary>
    public static string FileNameOf(string title)
    {
        var name = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormKD).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
                name.Append(c);
            else if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c))
                if (name.Length > 0 && name[^1] != '-')
                    name.Append('-');
            if (name.Length >= 80)
                break;
        }
        var slug = name.ToString().Trim('-');
        return slug.Length > 0 ? slug : "artwork";
    }
}
