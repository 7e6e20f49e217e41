using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Caching;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Media;
using ArtFolio.Infrastructure.Persistence;
using ArtFolio.Infrastructure.Telemetry;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Users.SetAvatar;

public sealed class Endpoint(
    AppDbContext db,
    IMediaStore media,
    Evictions evictions,
    AppMetrics metrics,
    TimeProvider clock
) : Endpoint<Request, Results<Ok<Me.Response>, ProblemHttpResult>>
{
    public override void Configure()
    {
        Put("users/me/avatar");
        AllowFileUploads(dontAutoBindFormData: true);
        RequestBinder(new StreamedFormBinder<Request>());
        Description(endpoint => endpoint.AcceptsUpload<Form>());
        Summary(s =>
        {
            s.Summary = "Set the caller's avatar (multipart/form-data, field 'image')";
            s.Description =
                "Same rules and the same field name as artwork images: type from the bytes (415), size limit (413), it must "
                + "decode (400). The field name 'file' of earlier releases is accepted too. The previous avatar's files are deleted.";
        });
    }

    public override async Task<Results<Ok<Me.Response>, ProblemHttpResult>> ExecuteAsync(
        Request request,
        CancellationToken cancellationToken
    )
    {
        var userId = User.UserId();
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
            return AccountProblems.Gone();

        var stored = await media.StoreAsync(request.Image!, MediaUse.Avatar, cancellationToken);
        var previous = user.Avatar;
        user.UseAvatar(stored); // avatars are shown small: the bounded thumbnail is the avatar
        user.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            await media.DeleteAsync(stored.Ref, CancellationToken.None);
            throw;
        }
        metrics.Uploaded("avatar", "image", request.Image!.Bytes);
        await evictions.EvictAnswersAsync(AnswerTags.UserChanged(user.Username), CancellationToken.None);
        if (previous is not null)
            await media.DeleteAsync(previous, CancellationToken.None);
        return TypedResults.Ok(Me.Response.From(user));
    }
}
