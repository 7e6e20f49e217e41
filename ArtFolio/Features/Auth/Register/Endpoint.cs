using ArtFolio.Domain;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Caching;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Persistence;
using FastEndpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Features.Auth.Register;

public sealed class Endpoint(
    AppDbContext db,
    Passwords passwords,
    Sessions sessions,
    AccountEmails emails,
    EndpointLinks links,
    Evictions evictions,
    TimeProvider clock
) : Endpoint<Request, Results<Created<AuthResponse>, ProblemHttpResult>>
{
    public override void Configure()
    {
        Post("register");
        Group<PublicAuthGroup>();
        Description(endpoint => endpoint.ProducesProblem(StatusCodes.Status409Conflict));
        Summary(s =>
        {
            s.Summary = "Create an account and start a session";
            s.Description =
                "Usernames are stored lower-case; usernames and emails are unique case-insensitively (409 if taken). "
                + "A verification email is sent to the address.";
            s.ExampleRequest = new Request
            {
                Username = "ada",
                Email = "ada@example.com",
                Password = "analytical-engine",
                ConfirmPassword = "analytical-engine",
                DisplayName = "Ada Lovelace",
            };
        });
    }

    public override async Task<Results<Created<AuthResponse>, ProblemHttpResult>> ExecuteAsync(
        Request request,
        CancellationToken cancellationToken
    )
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var user = new User
        {
            Username = Domain.User.NormalizeUsername(request.Username!),
            Email = request.Email!.Trim(),
            NormalizedEmail = Domain.User.NormalizeEmail(request.Email!),
            DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? null : request.DisplayName.Trim(),
            PasswordHash = "",
            CreatedAt = now,
            UpdatedAt = now,
        };
        // The common conflict is answered without a failed INSERT (which EF logs as an error); the
        // unique indexes still decide the rare race between two requests that both pass this check.
        if (await TakenAsync(db, user, cancellationToken) is { } taken)
            return taken;

        user.PasswordHash = passwords.Hash(request.Password!);
        db.Users.Add(user);
        emails.SendVerification(db, user);
        var response = sessions.Start(user);

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            return await TakenAsync(db, user, cancellationToken)
                ?? Problems.Result(StatusCodes.Status409Conflict, "That username or email is taken.");
        }
        await evictions.EvictAnswersAsync([AnswerTags.UserDirectory], CancellationToken.None);
        return TypedResults.Created(links.PathTo<Users.Profile.Endpoint>(new { user.Username }), response);
    }

    private static async Task<ProblemHttpResult?> TakenAsync(
        AppDbContext db,
        User user,
        CancellationToken cancellationToken
    )
    {
        var taken = await db
            .Users.Where(u => u.Username == user.Username || u.NormalizedEmail == user.NormalizedEmail)
            .Select(u => u.Username)
            .ToListAsync(cancellationToken);
        if (taken.Count == 0)
            return null;
        return Problems.Result(
            StatusCodes.Status409Conflict,
            taken.Contains(user.Username) ? "That username is taken." : "An account with that email already exists."
        );
    }
}
