using System.Net;
using System.Net.Http.Headers;
using ArtFolio.Domain;
using ArtFolio.Infrastructure.Media;
using ArtFolio.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ArtFolio.Tests.Features.Artworks.Create;

using Create = ArtFolio.Features.Artworks.Create;

public sealed class Tests
{
    [Theory, AllDatabases]
    public async Task Uploads_an_image_with_its_details(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");

        var (response, artwork) = await alice.Client.UploadAsync(
            TestMedia.Png(320, 200),
            ("title", "  Red study  "),
            ("description", "Oil on canvas"),
            ("price", "12.50"),
            ("category", "Painting"),
            ("tags", "Red, Study"),
            ("tags", "oil"),
            ("tags", "red")
        );

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/artworks/{artwork!.Id}");
        artwork.Title.ShouldBe("Red study");
        artwork.Description.ShouldBe("Oil on canvas");
        artwork.Price.ShouldBe(12.50m);
        artwork.Category.ShouldBe("Painting");
        artwork.Tags.ShouldBe(["oil", "red", "study"]);
        (artwork.Width, artwork.Height).ShouldBe((320, 200));
        artwork.MediaType.ShouldBe("image");
        artwork.ContentType.ShouldBe("image/png");
        artwork.Artist.Username.ShouldBe(alice.Username);
        artwork.IsOwner.ShouldBeTrue();
        (artwork.LikeCount, artwork.CommentCount).ShouldBe((0, 0));
        artwork.ImageUrl.ShouldStartWith("/media/artworks/r/"); // the widest public rendition
        artwork.ImageUrl.ShouldEndWith(".webp");

        var stored = await app.QueryAsync(d => d.Artworks.Include(a => a.Tags).SingleAsync(a => a.Id == artwork.Id));
        stored.PriceCents.ShouldBe(1250);
        stored.ArtistId.ShouldBe(alice.Id);
        stored.Bytes.ShouldBe(artwork.Bytes);
        // The original is kept, as uploaded (a PNG), outside the public media folder.
        stored.MediaKey.ShouldStartWith("private/artworks/");
        stored.MediaKey.ShouldEndWith(".png");
        File.Exists(Path.Combine(app.PrivateMediaRoot, stored.MediaKey["private/".Length..])).ShouldBeTrue();
        app.MediaFiles().ShouldNotContain(f => f.StartsWith(".incoming"));
    }

    [Theory, AllDatabases]
    public async Task Makes_a_bounded_thumbnail_with_libvips_and_the_database_still_answers(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");

        var (_, artwork) = await alice.Client.UploadAsync(
            TestMedia.Png(1200, 800),
            ("title", "Big"),
            ("category", "art")
        );

        // NetVips brings its own libvips: thumbnails need no system package.
        ArtFolio.Infrastructure.Media.Images.IsAvailable.ShouldBeTrue();
        artwork!.ThumbnailUrl.ShouldNotBe(artwork.ImageUrl);
        var thumbnail = await app.Anonymous.GetByteArrayAsync(artwork.ThumbnailUrl);
        MediaType.Detect(thumbnail).ShouldBe(MediaType.WebP);
        ImageHeader.ReadSize(new MemoryStream(thumbnail), MediaType.WebP).ShouldBe((400, 267));
        // Debian's libvips once pulled the system SQLite into this process and crashed the next query.
        (await app.QueryAsync(d => d.Artworks.CountAsync(a => a.Id == artwork.Id))).ShouldBe(1);
    }

    public static TheoryData<string, string, string> AcceptedTypes =>
        new()
        {
            { "jpeg", "image/jpeg", "image" },
            { "gif", "image/gif", "image" },
            { "webp", "image/webp", "image" },
            { "mp4", "video/mp4", "video" },
            { "webm", "video/webm", "video" },
        };

    [Theory, AllDatabases(MemberName = nameof(AcceptedTypes))]
    public async Task Accepts_each_supported_type_decided_from_the_bytes(
        Db db,
        string kind,
        string contentType,
        string mediaType
    )
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var bytes = kind switch
        {
            "jpeg" => TestMedia.Jpeg,
            "gif" => TestMedia.Gif,
            "webp" => TestMedia.WebP,
            "mp4" => TestMedia.Mp4(),
            _ => TestMedia.WebM(),
        };

        // The declared name and type lie on purpose: only the bytes count.
        var (response, artwork) = await alice.Client.SendRawAsync<
            Create.Endpoint,
            ArtFolio.Features.Artworks.ArtworkResponse
        >(
            TestMedia.Form(
                bytes,
                [("title", kind), ("category", "test")],
                fileName: "innocent.txt",
                declaredType: "text/plain"
            )
        );

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        artwork!.ContentType.ShouldBe(contentType);
        artwork.MediaType.ShouldBe(mediaType);
        // An image's size from its header; a video's from its container's track header.
        (artwork.Width, artwork.Height).ShouldBe(mediaType == "image" ? (1, 1) : (320, 240));
    }

    public static TheoryData<string> RefusedFiles => new() { "text", "svg", "exe", "empty", "truncated-png", "heic" };

    [Theory, AllDatabases(MemberName = nameof(RefusedFiles))]
    public async Task Refuses_anything_else_with_415_and_keeps_nothing(Db db, string kind)
    {
        await using var app = await TestApp.StartAsync(db);
        var alice = await app.CreateUserAsync("alice");
        var bytes = kind switch
        {
            "text" => TestMedia.Text,
            "svg" => TestMedia.Svg,
            "exe" => TestMedia.Executable,
            "empty" => [],
            "truncated-png" => TestMedia.Png()[..20],
            _ => [0, 0, 0, 0x18, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8],
        };

        var (response, _) = await alice.Client.UploadAsync(bytes, ("title", "x"), ("category", "y"));

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await response.ReadProblemAsync()).Detail.ShouldNotBeNullOrEmpty();
        app.MediaFiles().ShouldBeEmpty();
        (await app.QueryAsync(d => d.Artworks.CountAsync())).ShouldBe(0);
    }

    public static TheoryData<string> UndecodableFiles =>
        new()
        {
            "truncated-png",
            "corrupt-png",
            "oversized-chunk",
            "gif-header",
            "mp4-ftyp-only",
            "mp4-without-duration",
            "mp4-without-picture",
            "webm-header-only",
            "webm-without-duration",
        };

    [Theory, AllDatabases(MemberName = nameof(UndecodableFiles))]
    public async Task Media_that_does_not_decode_is_400_and_keeps_nothing(Db db, string kind)
    {
        await using var app = await TestApp.StartAsync(db);
        var alice = await app.CreateUserAsync("alice");
        var bytes = kind switch
        {
            "truncated-png" => TestMedia.TruncatedPng(),
            "corrupt-png" => TestMedia.PngWithCorruptData(),
            "oversized-chunk" => TestMedia.PngWithOversizedChunk(),
            "gif-header" => TestMedia.GifHeaderOnly(),
            "mp4-ftyp-only" => TestMedia.Mp4FtypOnly(),
            "mp4-without-duration" => TestMedia.Mp4(seconds: 0),
            "mp4-without-picture" => TestMedia.Mp4(width: 0, height: 0),
            "webm-header-only" => TestMedia.WebMHeaderOnly(),
            _ => TestMedia.WebM(seconds: 0),
        };

        var (response, _) = await alice.Client.UploadAsync(bytes, ("title", "x"), ("category", "y"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        (await response.ReadProblemAsync()).Detail!.ShouldContain("damaged or incomplete");
        app.MediaFiles().ShouldBeEmpty();
        (await app.QueryAsync(d => d.Artworks.CountAsync())).ShouldBe(0);
    }

    [Theory, AllDatabases]
    public async Task A_video_whose_movie_header_comes_after_its_data_is_still_read(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        // moov after a large mdat, as many encoders write it.
        var mp4 = TestMedia.Mp4(width: 1920, height: 1080);
        var ftypLength = 24;
        var moovLength = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(mp4.AsSpan(ftypLength));
        byte[] lateMoov =
        [
            .. mp4[..ftypLength],
            .. mp4[(ftypLength + moovLength)..],
            .. mp4[ftypLength..(ftypLength + moovLength)],
        ];

        var (response, artwork) = await alice.Client.UploadAsync(lateMoov, ("title", "late"), ("category", "y"));

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        (artwork!.Width, artwork.Height).ShouldBe((1920, 1080));
    }

    [Theory, AllDatabases]
    public async Task An_oversized_image_is_413_while_streaming_and_leaves_nothing(Db db)
    {
        await using var app = await TestApp.StartAsync(
            db,
            new Dictionary<string, string?> { ["Media:MaxImageBytes"] = "100000" }
        );
        var alice = await app.CreateUserAsync("alice");

        var (response, _) = await alice.Client.UploadAsync(
            TestMedia.Png(400, 400, noise: true),
            ("title", "big"),
            ("category", "y")
        );

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.ReadProblemAsync()).Detail!.ShouldContain("100000");
        app.MediaFiles().ShouldBeEmpty();
        (await app.QueryAsync(d => d.Artworks.CountAsync())).ShouldBe(0);
    }

    [Theory, AllDatabases]
    public async Task A_video_has_its_own_larger_limit(Db db)
    {
        await using var app = await TestApp.StartAsync(
            db,
            new Dictionary<string, string?> { ["Media:MaxImageBytes"] = "10000", ["Media:MaxVideoBytes"] = "50000" }
        );
        var alice = await app.CreateUserAsync("alice");

        var (small, _) = await alice.Client.UploadAsync(TestMedia.Mp4(40_000), ("title", "clip"), ("category", "y"));
        var (large, _) = await alice.Client.UploadAsync(TestMedia.Mp4(60_000), ("title", "clip"), ("category", "y"));

        small.StatusCode.ShouldBe(HttpStatusCode.Created);
        large.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory, AllDatabases]
    public async Task A_decompression_bomb_is_refused_before_anything_decodes_it(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var alice = await app.CreateUserAsync("alice");

        var (response, _) = await alice.Client.UploadAsync(TestMedia.PngBomb(), ("title", "bomb"), ("category", "y"));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.ReadProblemAsync()).Detail!.ShouldContain("100000x100000");
        app.MediaFiles().ShouldBeEmpty();
    }

    public static TheoryData<string, string, string> InvalidFields =>
        new()
        {
            { "title", "", "title" },
            { "title", new string('t', 121), "title" },
            { "description", new string('d', 5001), "description" },
            { "category", "", "category" },
            { "category", new string('c', 51), "category" },
            { "price", "-1", "price" },
            { "price", "12.345", "price" },
            { "price", "twelve", "price" },
            { "price", "1e3", "price" },
            { "tags", string.Join(",", Enumerable.Range(0, 11).Select(i => $"t{i}")), "tags" },
            { "tags", new string('x', 31), "tags[0]" },
        };

    [Theory, AllDatabases(MemberName = nameof(InvalidFields))]
    public async Task Invalid_fields_are_400_by_name_and_keep_no_file(Db db, string field, string value, string error)
    {
        await using var app = await TestApp.StartAsync(db);
        var alice = await app.CreateUserAsync("alice");
        var fields = new Dictionary<string, string> { ["title"] = "ok", ["category"] = "ok" };
        fields[field] = value;

        var (response, _) = await alice.Client.UploadAsync(TestMedia.Png(), [.. fields.Select(f => (f.Key, f.Value))]);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!.Keys.ShouldBe([error]);
        // The temporary file is deleted as the response completes, which the client may see a moment before.
        (await TestApp.EventuallyAsync(() => Task.FromResult(app.MediaFiles()), f => f.Count == 0, 5)).ShouldBeEmpty();
    }

    [Theory, AllDatabases]
    public async Task Without_a_file_is_400_naming_image(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");

        var (response, _) = await alice.Client.UploadAsync(null, ("title", "no file"), ("category", "x"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!.Keys.ShouldBe(["image"]);
    }

    [Theory]
    [AllDatabases("application/json", "{\"title\":\"x\"}")]
    [AllDatabases("text/plain", "hello")]
    [AllDatabases("multipart/form-data", "no boundary here")]
    public async Task A_body_that_is_not_a_multipart_form_is_415(Db db, string contentType, string body)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var content = new StringContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        var response = await alice.Client.SendRawAsync<Create.Endpoint>(content);

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await response.ReadProblemAsync()).Status.ShouldBe(415);
    }

    [Theory, AllDatabases]
    public async Task A_truncated_multipart_body_is_400_and_keeps_nothing(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var alice = await app.CreateUserAsync("alice");
        var whole = await TestMedia
            .Form(TestMedia.Png(200, 200, noise: true), [("title", "x"), ("category", "y")])
            .ReadAsByteArrayAsync();
        var form = TestMedia.Form(null, []);
        var truncated = new ByteArrayContent(whole[..(whole.Length / 2)]);
        truncated.Headers.ContentType = form.Headers.ContentType;
        // The same boundary as the complete form would have had: read it from that form's bytes.
        var boundary = System.Text.Encoding.ASCII.GetString(whole, 2, whole.AsSpan().IndexOf("\r\n"u8) - 2);
        truncated.Headers.ContentType!.Parameters.Single(p => p.Name == "boundary").Value = $"\"{boundary}\"";

        var response = await alice.Client.SendRawAsync<Create.Endpoint>(truncated);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        app.MediaFiles().ShouldBeEmpty();
    }

    [Theory, AllDatabases]
    public async Task Fields_a_client_may_not_set_are_ignored(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var bob = await app.CreateUserAsync("bob");
        var forgedId = Guid.CreateVersion7();

        var (response, artwork) = await alice.Client.UploadAsync(
            TestMedia.Png(),
            ("title", "mine"),
            ("category", "x"),
            ("id", forgedId.ToString()),
            ("artist", bob.Username),
            ("likeCount", "999"),
            ("imageUrl", "https://evil.example/x.png"),
            ("createdAt", "2000-01-01T00:00:00Z")
        );

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        artwork!.Id.ShouldNotBe(forgedId);
        artwork.Artist.Username.ShouldBe(alice.Username);
        artwork.LikeCount.ShouldBe(0);
        artwork.ImageUrl.ShouldStartWith("/media/");
        artwork.CreatedAt.ShouldBeGreaterThan(DateTime.UtcNow.AddMinutes(-5));
    }

    [Theory, AllDatabases]
    public async Task Needs_an_access_token_before_reading_the_body(Db db)
    {
        await using var app = await TestApp.StartAsync(db);

        var (response, _) = await app.Anonymous.UploadAsync(TestMedia.Png(), ("title", "x"), ("category", "y"));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        app.MediaFiles().ShouldBeEmpty();
    }

    [Theory, AllDatabases]
    public async Task When_the_database_write_fails_the_stored_file_is_removed(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var alice = await app.CreateUserAsync("alice");
        await using var failing = app.WithInterceptor(new FailArtworkInserts());

        var (response, _) = await failing
            .ClientWithToken(alice.Auth.AccessToken)
            .UploadAsync(TestMedia.Png(), ("title", "x"), ("category", "y"));

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("artworks");
        app.MediaFiles().Where(f => !f.StartsWith(".incoming")).ShouldBeEmpty();
        app.MediaFiles().ShouldBeEmpty();
    }

    /// <summary>Makes the INSERT into artworks fail, as a full disk or a lost connection would.</summary>
    private sealed class FailArtworkInserts : DbCommandInterceptor
    {
        // SQLite's SQL quotes the table name, PostgreSQL's leaves a lower-case one bare.
        private static bool IsArtworkInsert(string sql) =>
            sql.Contains("INSERT INTO \"artworks\"", StringComparison.Ordinal)
            || sql.Contains("INSERT INTO artworks ", StringComparison.Ordinal);

        public override ValueTask<InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
            System.Data.Common.DbCommand command,
            CommandEventData eventData,
            InterceptionResult<System.Data.Common.DbDataReader> result,
            CancellationToken cancellationToken = default
        ) =>
            IsArtworkInsert(command.CommandText)
                ? throw new InvalidOperationException("simulated database failure")
                : ValueTask.FromResult(result);

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            System.Data.Common.DbCommand command,
            CommandEventData eventData,
            InterceptionResult<int> result,
            CancellationToken cancellationToken = default
        ) =>
            IsArtworkInsert(command.CommandText)
                ? throw new InvalidOperationException("simulated database failure")
                : ValueTask.FromResult(result);
    }
}
