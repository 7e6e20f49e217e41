using ArtFolio.Tests.Features.Artworks;
using ArtFolio.Tests.Infrastructure;

namespace ArtFolio.Tests.Tmp;

public sealed class PrintSql
{
    [Fact]
    public async Task Print()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var alice = await app.CreateUserAsync("alice");
        var a = await alice.CreateArtworkAsync("x");
        using (var c = app.Sql.Start())
        {
            await app.Anonymous.GetAsync($"/api/v1/artworks/{a.Id}");
            await alice.Client.GetAsync($"/api/v1/artworks/{a.Id}");
            await app.Anonymous.GetAsync($"/api/v1/artworks?limit=20");
            File.WriteAllText("/tmp/sql.txt", string.Join("\n-----\n", c.Commands));
        }
    }
}
