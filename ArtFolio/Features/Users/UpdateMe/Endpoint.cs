using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Caching;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Users.UpdateMe;

public sealed class Endpoint(AppDbContext db, Evictions evictions, TimeProvider clock)
    : Endpoint<Request, Results<Ok<Me.Response>, ProblemHttpResult>>
{
    public override void Configure()
    {
        Put("users/me");
        Summary(s =>
        {
            s.Summary = "Edit the caller's profile: display name, bio, location, website";
            s.Description =
                "Replaces the editable fields (PUT): one left out is cleared. The website must be an http or https address.";
            s.ExampleRequest = new Request
            {
                DisplayName = "Ada Lovelace",
                Bio = "Poetical science; engines and their music.",
                Location = "London",
                Website = "https://ada.example.com",
            };
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

        user.DisplayName = ProfileRules.Clean(request.DisplayName);
        user.Bio = ProfileRules.Clean(request.Bio);
        user.Location = ProfileRules.Clean(request.Location);
        user.Website = ProfileRules.Clean(request.Website);
        user.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        await evictions.EvictAnswersAsync(AnswerTags.UserChanged(user.Username), CancellationToken.None);
        return TypedResults.Ok(Me.Response.From(user));
    }
}
