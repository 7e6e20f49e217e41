using System.Runtime.CompilerServices;
using System.Text;
using ArtFolio.Domain;
using ArtFolio.Infrastructure.Media;
using ArtFolio.Tests.Infrastructure;

namespace ArtFolio.Tests.Features.Artworks.Reads;

/// <summary>
/// The public reads, byte for byte, over fixed rows. The snapshots in <c>Snapshots/reads-*.json</c> were
/// written by the code as it was before the read path was made faster (the commit before
/// <c>bench/run.sh</c> was added); a change that alters a single byte of these answers fails here. After
/// an intended change of the contract: <c>UPDATE_SNAPSHOTS=1 dotnet test --filter Reads</c>.
/// </summary>
public sealed class Tests
{
    private static readonly Guid ArtistId = Guid.Parse("01890000-0000-7000-8000-000000000001");
    private static readonly Guid FanId = Guid.Parse("01890000-0000-7000-8000-000000000002");
    private static readonly Guid PaintingId = Guid.Parse("01890000-0000-7000-8000-0000000000a1");
    private static readonly Guid SketchId = Guid.Parse("01890000-0000-7000-8000-0000000000a2");
    private static readonly DateTime Start = new(2026, 3, 1, 9, 30, 0, DateTimeKind.Utc);

    public static TheoryData<string, string> Reads =>
        new()
        {
            { "artwork-by-id", $"/api/v1/artworks/{PaintingId}" },
            { "artwork-by-id-sparse", $"/api/v1/artworks/{SketchId}" },
            { "explore", "/api/v1/artworks?limit=20" },
            { "explore-filtered", "/api/v1/artworks?tag=oil&sort=popular&limit=1" },
            { "profile", "/api/v1/users/reads_artist" },
            { "comments", $"/api/v1/artworks/{PaintingId}/comments" },
        };

    [Theory, AllDatabases(MemberName = nameof(Reads))]
    public async Task A_read_returns_the_same_bytes_as_before_the_read_path_work(Db db, string read, string url)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.ExecuteAsync(SeedAsync);

        var response = await app.Anonymous.GetAsync(url);
        var body = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());

        var path = Path.Combine(SnapshotFolder(), $"reads-{read}.json");
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1" || !File.Exists(path))
        {
            await File.WriteAllTextAsync(path, body);
            return;
        }
        ((int)response.StatusCode).ShouldBe(200);
        body.ShouldBe(await File.ReadAllTextAsync(path), $"GET {url} answers other bytes than before");
    }

    /// <summary>Two artists' worth of rows with every field set once and left empty once.</summary>
    private static async Task SeedAsync(ArtFolio.Infrastructure.Persistence.AppDbContext db)
    {
        db.Users.AddRange(
            new User
            {
                Id = ArtistId,
                Username = "reads_artist",
                Email = "reads_artist@example.com",
                NormalizedEmail = "reads_artist@example.com",
                PasswordHash = "not-a-login",
                DisplayName = "Ada Painter",
                Bio = "Oils and ink.",
                Location = "Lisbon",
                Website = "https://ada.example",
                AvatarUrl = "/media/avatars/ada.webp",
                ArtworkCount = 2, // the counters as the endpoints keep them
                FollowerCount = 1,
                CreatedAt = Start,
                UpdatedAt = Start,
            },
            new User
            {
                Id = FanId,
                Username = "reads_fan",
                Email = "reads_fan@example.com",
                NormalizedEmail = "reads_fan@example.com",
                PasswordHash = "not-a-login",
                FollowingCount = 1,
                CreatedAt = Start,
                UpdatedAt = Start,
            }
        );
        db.Artworks.AddRange(
            new Artwork
            {
                Id = PaintingId,
                ArtistId = ArtistId,
                Title = "Harbour at dusk",
                Description = "Oil on linen, \"after\" Turner — 60×40 cm.",
                PriceCents = 125_050,
                Category = "Painting",
                CategoryKey = "painting",
                Tags = [new() { Name = "oil" }, new() { Name = "harbour" }, new() { Name = "dusk" }],
                MediaKind = MediaKind.Image,
                ContentType = "image/png",
                Bytes = 123_456,
                Width = 1600,
                Height = 1200,
                MediaKey = "artworks/harbour.png",
                ThumbnailKey = "artworks/harbour.thumb.webp",
                ImageUrl = "/media/artworks/harbour.png",
                ThumbnailUrl = "/media/artworks/harbour.thumb.webp",
                LikeCount = 1,
                CommentCount = 2,
                CreatedAt = Start.AddHours(1),
                UpdatedAt = Start.AddHours(2).AddMilliseconds(250),
            },
            new Artwork
            {
                Id = SketchId,
                ArtistId = ArtistId,
                Title = "Sketch",
                Category = "Drawing",
                CategoryKey = "drawing",
                MediaKind = MediaKind.Video,
                ContentType = "video/mp4",
                Bytes = 2_000_000,
                MediaKey = "artworks/sketch.mp4",
                ImageUrl = "/media/artworks/sketch.mp4",
                ThumbnailUrl = "/media/artworks/sketch.mp4",
                CreatedAt = Start.AddHours(3),
                UpdatedAt = Start.AddHours(3),
            }
        );
        db.Likes.Add(
            new Like
            {
                ArtworkId = PaintingId,
                UserId = FanId,
                CreatedAt = Start.AddHours(4),
            }
        );
        db.Follows.Add(
            new Follow
            {
                FollowerId = FanId,
                FolloweeId = ArtistId,
                CreatedAt = Start.AddHours(4),
            }
        );
        db.Comments.AddRange(
            new Comment
            {
                Id = Guid.Parse("01890000-0000-7000-8000-0000000000c1"),
                ArtworkId = PaintingId,
                AuthorId = FanId,
                Body = "Lovely light.",
                CreatedAt = Start.AddHours(5),
                UpdatedAt = Start.AddHours(5),
            },
            new Comment
            {
                Id = Guid.Parse("01890000-0000-7000-8000-0000000000c2"),
                ArtworkId = PaintingId,
                AuthorId = ArtistId,
                Body = "Thank you!",
                CreatedAt = Start.AddHours(6),
                UpdatedAt = Start.AddHours(6).AddSeconds(30),
            }
        );
        await db.SaveChangesAsync();
    }

    private static string SnapshotFolder([CallerFilePath] string source = "") =>
        Path.Combine(source[..source.IndexOf("/Features/", StringComparison.Ordinal)], "Snapshots");
}
