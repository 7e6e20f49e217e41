using System.Net;
using ArtFolio.Features.Artworks;
using ArtFolio.Tests.Infrastructure;

namespace ArtFolio.Tests.Features.Artworks;

/// <summary>Uploads through the real create endpoint, for tests that need artworks to exist.</summary>
public static class Uploads
{
    public static Task<(HttpResponseMessage Response, ArtworkResponse? Body)> UploadAsync(
        this HttpClient client,
        byte[]? file,
        params (string Name, string Value)[] fields
    ) => client.SendRawAsync<ArtFolio.Features.Artworks.Create.Endpoint, ArtworkResponse>(TestMedia.Form(file, fields));

    /// <summary>An artwork that must be created: fails the test otherwise.</summary>
    public static async Task<ArtworkResponse> CreateArtworkAsync(
        this TestUser artist,
        string title = "Untitled",
        string category = "painting",
        string? price = null,
        string? tags = null,
        string? description = null
    )
    {
        var fields = new List<(string, string)> { ("title", title), ("category", category) };
        if (price is not null)
            fields.Add(("price", price));
        if (tags is not null)
            fields.Add(("tags", tags));
        if (description is not null)
            fields.Add(("description", description));
        var (response, artwork) = await artist.Client.UploadAsync(TestMedia.Png(), [.. fields]);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return artwork!;
    }
}
