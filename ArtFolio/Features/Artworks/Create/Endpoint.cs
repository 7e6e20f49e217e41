using ArtFolio.Domain;
using ArtFolio.Features.Auth;
using ArtFolio.Features.Notifications;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Caching;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Media;
using ArtFolio.Infrastructure.Persistence;
using ArtFolio.Infrastructure.Telemetry;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Artworks.Create;

public sealed class Endpoint(
    AppDbContext db,
    IMediaStore media,
    NotificationOutbox notifications,
    EndpointLinks links,
    Evictions evictions,
    AppMetrics metrics,
    TimeProvider clock
) : Endpoint<Request, Created<ArtworkResponse>>
{
    public override void Configure()
    {
        Post("artworks");
        RequireVerifiedEmail.On(Definition);
        AllowFileUploads(dontAutoBindFormData: true);
        RequestBinder(new StreamedFormBinder<Request>());
        Description(endpoint => endpoint.AcceptsUpload<Form>().ProducesProblem(StatusCodes.Status403Forbidden));
        Summary(s =>
        {
            s.Summary = "Upload an artwork (multipart/form-data)";
            s.ExampleRequest = new
            {
                title = "First light",
                description = "Dawn over the estuary, oil on linen.",
                price = "1250.00",
                category = "Painting",
                tags = "dawn,oil,landscape",
            };
            s.Description =
                "The file's type is read from its bytes: PNG, JPEG, GIF, WebP, MP4, WebM; anything else is a 415. "
                + "Over Media:MaxImageBytes / Media:MaxVideoBytes is a 413. If the media storage fails the answer "
                + "is a 502 and nothing is saved.";
        });
    }

    public override async Task<Created<ArtworkResponse>> ExecuteAsync(
        Request request,
        CancellationToken cancellationToken
    )
    {
        var file = request.Image!;
        var stored = await media.StoreAsync(file, MediaUse.Artwork, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        Money.TryParse(request.Price, out var price);
        var artwork = new Artwork
        {
            ArtistId = User.UserId(),
            Title = request.Title!,
            Description = string.IsNullOrEmpty(request.Description) ? null : request.Description,
            PriceCents = string.IsNullOrEmpty(request.Price) ? null : Money.ToCents(price),
            Category = request.Category!,
            CategoryKey = Artwork.NormalizeCategory(request.Category!),
            MediaKind = file.Type.Kind,
            ContentType = file.Type.ContentType,
            Bytes = file.Bytes,
            Width = file.Width,
            Height = file.Height,
            MediaKey = stored.Ref.Key,
            ImageUrl = stored.Url,
            ThumbnailUrl = stored.ThumbnailUrl,
            CreatedAt = now,
            UpdatedAt = now,
        };
        artwork.UseMedia(stored);
        artwork.SetTags(ArtworkRules.NormalizeTags(request.Tags));
        db.Artworks.Add(artwork);
        notifications.ToFollowers(
            db,
            NotificationTypes.NewArtwork,
            artwork.ArtistId,
            artwork.Id,
            $"{User.Identity!.Name} posted “{artwork.Title}”"
        );

        try
        {
            await db.SaveCountingAsync(artwork.ArtistId, +1, cancellationToken);
        }
        catch
        {
            // No row, so no file: the stored media would otherwise be an orphan.
            await media.DeleteAsync(stored.Ref, CancellationToken.None);
            throw;
        }
        metrics.Uploaded("artwork", file.Type.Kind == MediaKind.Image ? "image" : "video", file.Bytes);

        var response = await db
            .Artworks.Where(a => a.Id == artwork.Id)
            .Select(ArtworkResponse.Projection(db, artwork.ArtistId))
            .SingleAsync(cancellationToken);
        await evictions.EvictAnswersAsync(
            AnswerTags.ArtistsArtworksChanged(response.Artist.Username, artwork.Id),
            CancellationToken.None
        );
        return TypedResults.Created(links.PathTo<Get.Endpoint>(new { artwork.Id }), response);
    }
}
