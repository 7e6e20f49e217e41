// The story a .NET client tells against a running ArtFolio, through the client NSwag generated from
// its OpenAPI document, used as generated: anonymous reads, register, log in, upload, explore, a
// conditional read, a live notification, refresh, log out. Prints each step and, last, one line
// "csharp client: N passed, N failed". Usage: dotnet run -- [api]
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using ArtFolio.Client;

var api = new Uri(args.FirstOrDefault() ?? "http://127.0.0.1:5080");
var steps = new List<(string Name, bool Ok, string Detail)>();
async Task Step(string name, Func<Task<string>> action)
{
    try
    {
        steps.Add((name, true, await action()));
    }
    catch (Exception error)
    {
        steps.Add((name, false, error is ApiException api ? $"{api.StatusCode}: {api.Response}" : error.Message));
    }
}
static void Check(bool condition, string message)
{
    if (!condition)
        throw new InvalidOperationException(message);
}
HttpClient Http(Func<string?>? token = null) => new(new Bearer(token ?? (() => null))) { BaseAddress = api };

var anonymous = Http();
var suffix = Guid.NewGuid().ToString("N")[..10];
const string Password = "correct horse battery staple";
AuthResponse artist = null!;
AuthResponse fan = null!;
ArtworkResponse artwork = null!;
var asArtist = Http(() => artist.AccessToken);

await Step(
    "anonymous reads: status, explore, popular",
    async () =>
    {
        var status = await new OperationsClient(anonymous).StatusAsync();
        var page = await new ArtworksClient(anonymous).ListAsync(
            null,
            null,
            null,
            null,
            null,
            null,
            Sort.Newest,
            5,
            null,
            null
        );
        var popular = await new ArtworksClient(anonymous).PopularAsync(Period.Week, 5, null);
        Check(page.Items is not null && popular.Items is not null, "lists without items");
        return $"status {status.Status}, {page.Items!.Count} newest, {popular.Items!.Count} popular this {popular.Period}";
    }
);

await Step(
    "register two accounts",
    async () =>
    {
        var auth = new AuthClient(anonymous);
        AuthRegisterRequest Account(string who) =>
            new()
            {
                Username = $"cs_{who}_{suffix}",
                Email = $"cs_{who}_{suffix}@example.com",
                Password = Password,
                ConfirmPassword = Password,
                DisplayName = $"C# {who}",
            };
        artist = await auth.RegisterAsync(Account("artist"));
        fan = await auth.RegisterAsync(Account("fan"));
        return $"{artist.User.Username} and {fan.User.Username}";
    }
);

await Step(
    "log in",
    async () =>
    {
        artist = await new AuthClient(anonymous).LoginAsync(
            new AuthLoginRequest { Username = artist.User.Username, Password = Password }
        );
        Check(artist.TokenType == "Bearer", $"token type {artist.TokenType}");
        return $"access token until {artist.AccessTokenExpiresAt:O}";
    }
);

await Step(
    "upload an image (multipart, FileParameter)",
    async () =>
    {
        using var png = new MemoryStream(Convert.FromBase64String(TinyPng.Base64));
        artwork = await new ArtworksClient(asArtist).CreateAsync(
            new FileParameter(png, "harbor.png", "image/png"),
            "Harbor from C#",
            "Uploaded by the generated client.",
            12.5,
            "Digital",
            ["csharp", "harbor"]
        );
        Check(artwork.Width == 16 && artwork.Height == 12, $"{artwork.Width}x{artwork.Height}");
        return $"{artwork.Id} {artwork.ContentType}";
    }
);

await Step(
    "see it in the explore list, anonymously",
    async () =>
    {
        var page = await new ArtworksClient(anonymous).ListAsync(
            null,
            null,
            artist.User.Username,
            null,
            null,
            null,
            Sort.Newest,
            10,
            null,
            null
        );
        Check(page.Items.Any(a => a.Id == artwork.Id), "the upload is not listed");
        Check(page.Items.All(a => a.LikedByMe is null), "likedByMe sent without a token");
        return $"{page.Items.Count} item(s)";
    }
);

await Step(
    "read it again with If-None-Match: 304",
    async () =>
    {
        var artworks = new ArtworksClient(anonymous);
        var first = await artworks.GetAsync(artwork.Id, null);
        var etag = first.Headers["ETag"].Single();
        try
        {
            await artworks.GetAsync(artwork.Id, etag);
        }
        catch (ApiException notModified) when (notModified.StatusCode == 304)
        {
            return $"ETag {etag}";
        }
        throw new InvalidOperationException("the conditional read was not a 304");
    }
);

await Step(
    "receive a live notification over the WebSocket",
    async () =>
    {
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", $"Bearer {artist.AccessToken}");
        var ws = new UriBuilder(api)
        {
            Scheme = api.Scheme == "https" ? "wss" : "ws",
            Path = "/api/v1/notifications/ws",
        };
        await socket.ConnectAsync(ws.Uri, CancellationToken.None);
        var like = await new LikesClient(Http(() => fan.AccessToken)).LikeAsync(artwork.Id);
        Check(like.Liked, "not liked");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[16 * 1024];
        var received = await socket.ReceiveAsync(buffer, timeout.Token);
        var notification = JsonSerializer.Deserialize<NotificationItem>(
            Encoding.UTF8.GetString(buffer, 0, received.Count),
            JsonSerializerOptions.Web
        )!;
        Check(notification.Type == NotificationItemType.Like, $"got a {notification.Type}");
        Check(notification.Actor.Username == fan.User.Username, "from someone else");
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        return notification.Message;
    }
);

await Step(
    "refresh the session and use the new token",
    async () =>
    {
        artist = await new AuthClient(anonymous).RefreshAsync(
            new AuthRefreshRequest { RefreshToken = artist.RefreshToken }
        );
        var me = await new UsersClient(asArtist).MeAsync();
        Check(me.Username == artist.User.Username, "someone else");
        return $"rotated: {artist.RefreshTokenRotated}";
    }
);

await Step(
    "log out; the refresh token stops working",
    async () =>
    {
        var refreshToken = artist.RefreshToken;
        await new AuthClient(asArtist).LogoutAsync(new AuthLogoutRequest { RefreshToken = refreshToken });
        try
        {
            await new AuthClient(anonymous).RefreshAsync(new AuthRefreshRequest { RefreshToken = refreshToken });
        }
        catch (ApiException<Problem> refused) when (refused.StatusCode == 401)
        {
            Check(!string.IsNullOrEmpty(refused.Result.TraceId), "the problem has no traceId");
            return refused.Result.Detail;
        }
        throw new InvalidOperationException("the refresh token still works");
    }
);

foreach (var (name, ok, detail) in steps)
    Console.WriteLine($"{(ok ? "ok    " : "FAILED")} {name}: {detail}");
var failed = steps.Count(s => !s.Ok);
Console.WriteLine($"csharp client: {steps.Count - failed} passed, {failed} failed");
return failed == 0 ? 0 : 1;

/// <summary>Adds the current access token, if any, to each request: the generated clients take a plain HttpClient.</summary>
sealed class Bearer(Func<string?> token) : DelegatingHandler(new HttpClientHandler())
{
    protected override Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken
    )
    {
        if (token() is { } value)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", value);
        return base.SendAsync(request, cancellationToken);
    }
}

static class TinyPng
{
    /// <summary>A 16x12 blue PNG.</summary>
    public const string Base64 =
        "iVBORw0KGgoAAAANSUhEUgAAABAAAAAMCAIAAADkharWAAAAFUlEQVR4nGOQ9eskCTGMahjVgB0BAOeLtwESvs0bAAAAAElFTkSuQmCC";
}
