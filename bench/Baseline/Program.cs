// The bare baseline of bench/run.sh: GET /artworks/{id} and GET /artworks?limit=20 (newest first) over
// the product's own schema and rows, in raw ADO.NET, answering the same JSON fields. `seed N` fills a
// migrated database with 100 artists and N artworks of 3 tags each, by direct SQL.
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

var postgres = Environment.GetEnvironmentVariable("Database__Provider") == "Postgres";
var connectionString = Environment.GetEnvironmentVariable("Database__ConnectionString")!;
DbDataSource dataSource = postgres
    ? NpgsqlDataSource.Create(connectionString)
    : SqliteFactory.Instance.CreateDataSource(connectionString);

if (args is ["seed", var count])
{
    // The seeder reuses one command with new parameters a row: without automatic preparation, which
    // inserted the first row's values again when the options asked for it (a duplicate key).
    var seeding = postgres
        ? NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 0 })
        : dataSource;
    await Seed.RunAsync(seeding, postgres, int.Parse(count, CultureInfo.InvariantCulture));
    return;
}

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var json = new JsonSerializerOptions(JsonSerializerDefaults.Web)
{
    DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never,
};

const string Columns = """
    a."Id", a."Title", a."Description", a."PriceCents", a."Category", a."ImageUrl", a."ThumbnailUrl", a."Width",
    a."Height", a."MediaKind", a."ContentType", a."Bytes", a."LikeCount", a."CommentCount", a."CreatedAt",
    a."UpdatedAt", u."Username", u."DisplayName", u."AvatarUrl", t."Name"
    """;

app.MapGet(
    "/artworks/{id:guid}",
    async (Guid id) =>
    {
        await using var command = dataSource.CreateCommand(
            $"""
            SELECT {Columns} FROM artworks a JOIN users u ON u."Id" = a."ArtistId"
            LEFT JOIN artwork_tags t ON t."ArtworkId" = a."Id"
            WHERE a."Id" = @id ORDER BY t."Name"
            """
        );
        Parameter(command, "id", postgres ? id : id.ToString().ToUpperInvariant());
        var artworks = await ReadAsync(command);
        return artworks.Count == 0 ? Results.NotFound() : Results.Json(artworks[0], json);
    }
);

app.MapGet(
    "/artworks",
    async (int? limit) =>
    {
        var take = limit ?? 20;
        await using var command = dataSource.CreateCommand(
            $"""
            SELECT {Columns} FROM (SELECT * FROM artworks ORDER BY "CreatedAt" DESC, "Id" DESC LIMIT @take) a
            JOIN users u ON u."Id" = a."ArtistId" LEFT JOIN artwork_tags t ON t."ArtworkId" = a."Id"
            ORDER BY a."CreatedAt" DESC, a."Id" DESC, t."Name"
            """
        );
        Parameter(command, "take", take + 1);
        var rows = await ReadAsync(command);
        var next = rows.Count > take ? Convert.ToBase64String(rows[take - 1].Id.ToByteArray()) : null;
        return Results.Json(new { items = rows.Take(take), nextCursor = next }, json);
    }
);

// The framework's floor: a constant JSON body of the asked size (a string of that many bytes, quotes
// included), no work at all. The benchmark asks for the size of the answer it compares with.
var plainBodies = new System.Collections.Concurrent.ConcurrentDictionary<int, byte[]>();
app.MapGet(
    "/plain",
    (int? bytes) =>
        Results.Bytes(
            plainBodies.GetOrAdd(
                Math.Clamp(bytes ?? 2, 2, 1 << 20),
                size => System.Text.Encoding.ASCII.GetBytes('"' + new string('x', size - 2) + '"')
            ),
            "application/json"
        )
);

// The ids the benchmark asks for.
app.MapGet(
    "/ids",
    async (int n) =>
    {
        await using var command = dataSource.CreateCommand("""SELECT "Id" FROM artworks ORDER BY random() LIMIT @n""");
        Parameter(command, "n", n);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            ids.Add((postgres ? reader.GetGuid(0) : Guid.Parse(reader.GetString(0))).ToString());
        return Results.Json(ids);
    }
);

app.Run();

static void Parameter(DbCommand command, string name, object value)
{
    var parameter = command.CreateParameter();
    parameter.ParameterName = name;
    parameter.Value = value;
    command.Parameters.Add(parameter);
}

async Task<List<Artwork>> ReadAsync(DbCommand command)
{
    var artworks = new List<Artwork>();
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        var id = postgres ? reader.GetGuid(0) : Guid.Parse(reader.GetString(0));
        if (artworks.Count == 0 || artworks[^1].Id != id)
            artworks.Add(
                new Artwork(
                    id,
                    reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetInt64(3) / 100m,
                    reader.GetString(4),
                    [],
                    reader.GetString(5),
                    reader.GetString(6),
                    reader.IsDBNull(7) ? null : reader.GetInt32(7),
                    reader.IsDBNull(8) ? null : reader.GetInt32(8),
                    reader.GetString(9) == "Image" ? "image" : "video",
                    reader.GetString(10),
                    reader.GetInt64(11),
                    new Badge(
                        reader.GetString(16),
                        reader.IsDBNull(17) ? null : reader.GetString(17),
                        reader.IsDBNull(18) ? null : reader.GetString(18)
                    ),
                    reader.GetInt32(12),
                    reader.GetInt32(13),
                    DateTime.SpecifyKind(reader.GetDateTime(14), DateTimeKind.Utc),
                    DateTime.SpecifyKind(reader.GetDateTime(15), DateTimeKind.Utc),
                    false
                )
            );
        if (!reader.IsDBNull(19))
            artworks[^1].Tags.Add(reader.GetString(19));
    }
    return artworks;
}

sealed record Badge(string Username, string? DisplayName, string? AvatarUrl);

sealed record Artwork(
    Guid Id,
    string Title,
    string? Description,
    decimal? Price,
    string Category,
    List<string> Tags,
    string ImageUrl,
    string ThumbnailUrl,
    int? Width,
    int? Height,
    string MediaType,
    string ContentType,
    long Bytes,
    Badge Artist,
    int LikeCount,
    int CommentCount,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    bool IsOwner
);

static class Seed
{
    public static async Task RunAsync(DbDataSource dataSource, bool postgres, int count)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        object Id(Guid id) => postgres ? id : id.ToString().ToUpperInvariant();
        object Time(DateTime t) =>
            postgres ? t : t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        var start = DateTime.UtcNow.AddDays(-30);
        var artists = new List<Guid>();
        await using (var user = connection.CreateCommand())
        {
            user.Transaction = transaction;
            user.CommandText = """
                INSERT INTO users ("Id", "Username", "Email", "NormalizedEmail", "PasswordHash", "DisplayName", "FollowerCount", "FollowingCount", "CreatedAt", "UpdatedAt")
                VALUES (@id, @name, @email, @email, 'x', @display, 0, 0, @at, @at)
                """;
            for (var i = 0; i < 100; i++)
            {
                var id = Guid.CreateVersion7();
                artists.Add(id);
                user.Parameters.Clear();
                Parameter(user, "id", Id(id));
                Parameter(user, "name", $"artist_{i:D3}");
                Parameter(user, "email", $"artist_{i:D3}@bench.example");
                Parameter(user, "display", $"Artist {i}");
                Parameter(user, "at", Time(start));
                await user.ExecuteNonQueryAsync();
            }
        }
        await using var artwork = connection.CreateCommand();
        artwork.Transaction = transaction;
        artwork.CommandText = """
            INSERT INTO artworks ("Id", "ArtistId", "Title", "Description", "PriceCents", "Category", "CategoryKey", "MediaKind", "ContentType", "Bytes", "Width", "Height", "MediaKey", "ThumbnailKey", "ImageUrl", "ThumbnailUrl", "LikeCount", "CommentCount", "CreatedAt", "UpdatedAt")
            VALUES (@id, @artist, @title, @description, @price, 'Painting', 'painting', 'Image', 'image/png', 12345, 640, 480, @key, @thumb, @url, @thumbUrl, 0, 0, @at, @at)
            """;
        await using var tag = connection.CreateCommand();
        tag.Transaction = transaction;
        tag.CommandText = """INSERT INTO artwork_tags ("ArtworkId", "Name") VALUES (@id, @name)""";
        for (var i = 0; i < count; i++)
        {
            var id = Guid.CreateVersion7();
            artwork.Parameters.Clear();
            Parameter(artwork, "id", Id(id));
            Parameter(artwork, "artist", Id(artists[i % artists.Count]));
            Parameter(artwork, "title", $"Study no. {i}");
            Parameter(artwork, "description", "Oil on linen, after the harbour at dawn.");
            Parameter(artwork, "price", 1000L + i);
            Parameter(artwork, "key", $"artworks/{id:N}.png");
            Parameter(artwork, "thumb", $"artworks/thumbs/{id:N}.webp");
            Parameter(artwork, "url", $"/media/artworks/{id:N}.png");
            Parameter(artwork, "thumbUrl", $"/media/artworks/thumbs/{id:N}.webp");
            Parameter(artwork, "at", Time(start.AddSeconds(i)));
            await artwork.ExecuteNonQueryAsync();
            foreach (var name in new[] { "dawn", "harbour", $"series-{i % 50}" })
            {
                tag.Parameters.Clear();
                Parameter(tag, "id", Id(id));
                Parameter(tag, "name", name);
                await tag.ExecuteNonQueryAsync();
            }
        }
        await transaction.CommitAsync();
    }

    private static void Parameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
