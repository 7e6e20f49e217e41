using System.Net;
using System.Text;
using ArtFolio.Tests.Infrastructure;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace ArtFolio.Tests.Features.Portfolio;

using Education = ArtFolio.Features.Portfolio.Education;
using Experience = ArtFolio.Features.Portfolio.Experience;
using Get = ArtFolio.Features.Portfolio.Get;
using Projects = ArtFolio.Features.Portfolio.Projects;
using Remove = ArtFolio.Features.Portfolio.Remove;
using Skills = ArtFolio.Features.Portfolio.Skills;

public sealed class Tests
{
    private static DateOnly D(string date) => DateOnly.Parse(date);

    [Theory, AllDatabases]
    public async Task The_owner_fills_every_section_and_anyone_reads_it_in_order(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        async Task<T> Add<TEndpoint, TRequest, T>(TRequest request)
            where TEndpoint : IEndpoint
            where TRequest : notnull
        {
            var (response, body) = await alice.Client.POSTAsync<TEndpoint, TRequest, T>(request);
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            response.Headers.Location!.ToString().ShouldStartWith("/api/v1/users/me/portfolio/");
            return body!;
        }

        var old = await Add<Projects.Add.Endpoint, Projects.Request, Projects.Response>(
            new()
            {
                Title = "Mural",
                StartDate = D("2019-01-01"),
                EndDate = D("2019-06-30"),
            }
        );
        var current = await Add<Projects.Add.Endpoint, Projects.Request, Projects.Response>(
            new()
            {
                Title = "Atlas",
                Url = "https://atlas.example",
                StartDate = D("2024-03-01"),
            }
        );
        var recent = await Add<Projects.Add.Endpoint, Projects.Request, Projects.Response>(
            new()
            {
                Title = "Zine",
                StartDate = D("2022-01-01"),
                EndDate = D("2023-02-01"),
            }
        );
        var basic = await Add<Skills.Add.Endpoint, Skills.Request, Skills.Response>(
            new() { Name = "Clay", Level = "Beginner" }
        );
        var expert = await Add<Skills.Add.Endpoint, Skills.Request, Skills.Response>(
            new() { Name = "Ink", Level = "EXPERT" }
        );
        var job = await Add<Experience.Add.Endpoint, Experience.Request, Experience.Response>(
            new()
            {
                Title = "Illustrator",
                Organization = "Studio K",
                StartDate = D("2020-05-01"),
            }
        );
        var school = await Add<Education.Add.Endpoint, Education.Request, Education.Response>(
            new()
            {
                Institution = "Art School",
                Degree = "BA",
                Field = "Fine Art",
                StartDate = D("2015-09-01"),
                EndDate = D("2019-06-30"),
            }
        );

        var (response, portfolio) = await app.Anonymous.GETAsync<Get.Endpoint, Get.Request, Get.Response>(
            new() { Username = alice.Username.ToUpperInvariant() }
        );

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        portfolio!.Projects.Select(p => p.Id).ShouldBe([current.Id, recent.Id, old.Id]);
        portfolio.Projects[0].Url.ShouldBe("https://atlas.example");
        portfolio.Skills.Select(s => (s.Name, s.Level)).ShouldBe([("Ink", "expert"), ("Clay", "beginner")]);
        portfolio.Experience.ShouldHaveSingleItem().ShouldBe(job);
        portfolio.Education.ShouldHaveSingleItem().ShouldBe(school);
        (await response.Content.ReadAsStringAsync()).ShouldContain("\"startDate\":\"2024-03-01\"");
        basic.Level.ShouldBe("beginner");
    }

    [Theory, AllDatabases]
    public async Task The_owner_edits_and_removes_entries(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var (_, job) = await alice.Client.POSTAsync<Experience.Add.Endpoint, Experience.Request, Experience.Response>(
            new() { Title = "Intern", StartDate = D("2020-01-01") }
        );

        var (edited, changed) = await alice.Client.PUTAsync<
            Experience.Edit.Endpoint,
            Experience.Request,
            Experience.Response
        >(
            new()
            {
                Id = job!.Id,
                Title = "Designer",
                Organization = "Atelier",
                StartDate = D("2020-01-01"),
                EndDate = D("2021-01-01"),
            }
        );
        var removed = await alice.Client.DELETEAsync<Remove.Endpoint, Remove.Request>(
            new() { Section = "experience", Id = job.Id }
        );

        edited.StatusCode.ShouldBe(HttpStatusCode.OK);
        changed.ShouldBe(job with { Title = "Designer", Organization = "Atelier", EndDate = D("2021-01-01") });
        removed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.QueryAsync(d => d.PortfolioExperience.AnyAsync(e => e.Id == job.Id))).ShouldBeFalse();
        (
            await alice.Client.DELETEAsync<Remove.Endpoint, Remove.Request>(
                new() { Section = "experience", Id = job.Id }
            )
        ).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, AllDatabases]
    public async Task Nobody_touches_another_users_entries(Db db)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var mallory = await app.CreateUserAsync("mallory");
        var (_, skill) = await alice.Client.POSTAsync<Skills.Add.Endpoint, Skills.Request, Skills.Response>(
            new() { Name = "Glass" }
        );

        var (edit, _) = await mallory.Client.PUTAsync<Skills.Edit.Endpoint, Skills.Request, Skills.Response>(
            new() { Id = skill!.Id, Name = "Mine now" }
        );
        var remove = await mallory.Client.DELETEAsync<Remove.Endpoint, Remove.Request>(
            new() { Section = "skills", Id = skill.Id }
        );
        // The owner comes from the token: naming alice in the body changes nothing.
        var (add, added) = await mallory.Client.SendRawAsync<Skills.Add.Endpoint, Skills.Response>(
            new { name = "Sneaky", userId = alice.Id }
        );

        edit.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        remove.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        add.StatusCode.ShouldBe(HttpStatusCode.Created);
        var owners = await app.QueryAsync(d =>
            d.PortfolioSkills.Where(s => s.Id == skill.Id || s.Id == added!.Id)
                .ToDictionaryAsync(s => s.Name, s => s.UserId)
        );
        owners.ShouldBe(new Dictionary<string, Guid> { ["Glass"] = alice.Id, ["Sneaky"] = mallory.Id });
    }

    public static TheoryData<string, string, string> Invalid =>
        new()
        {
            { "projects", "{}", "title" },
            { "projects", "{\"title\":\"x\",\"url\":\"not a url\"}", "url" },
            { "projects", "{\"title\":\"x\",\"startDate\":\"2024-05-01\",\"endDate\":\"2024-04-30\"}", "endDate" },
            { "skills", "{\"level\":\"expert\"}", "name" },
            { "skills", "{\"name\":\"x\",\"level\":\"wizard\"}", "level" },
            { "experience", "{\"organization\":\"x\"}", "title" },
            { "experience", "{\"title\":\"x\",\"startDate\":\"2024-05-01\",\"endDate\":\"2020-01-01\"}", "endDate" },
            { "education", "{\"degree\":\"BA\"}", "institution" },
            { "education", "{\"institution\":\"" + new string('i', 121) + "\"}", "institution" },
        };

    [Theory, AllDatabases(MemberName = nameof(Invalid))]
    public async Task Each_rule_is_a_400_naming_its_field(Db db, string section, string json, string field)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");

        var response = await alice.Client.PostAsync(
            $"/api/v1/users/me/portfolio/{section}",
            new StringContent(json, Encoding.UTF8, "application/json")
        );

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadProblemAsync()).Errors!.Keys.ShouldBe([field]);
    }

    [Theory]
    [AllDatabases("{\"title\":\"x\",\"startDate\":\"May 2024\"}")]
    [AllDatabases("{\"title\":\"x\",\"startDate\":\"2024-13-01\"}")]
    [AllDatabases("{\"title\":\"x\",\"startDate\":20240501}")]
    public async Task A_date_that_is_not_YYYY_MM_DD_is_400(Db db, string json)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");

        var response = await alice.Client.SendRawAsync<Projects.Add.Endpoint>(
            new StringContent(json, Encoding.UTF8, "application/json")
        );

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.Detail!.ShouldContain("$.startDate");
        problem.Errors!.Keys.ShouldBe(["startDate"]); // the field, as any other validation error
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("System.");
    }

    [Theory]
    [AllDatabases("DELETE", "/api/v1/users/me/portfolio/hobbies/01a1fe85-0000-7000-8000-000000000000")]
    [AllDatabases("DELETE", "/api/v1/users/me/portfolio/skills/not-a-guid")]
    [AllDatabases("PUT", "/api/v1/users/me/portfolio/skills/01a1fe85-0000-7000-8000-000000000000")]
    [AllDatabases("GET", "/api/v1/users/nobody_here_at_all/portfolio")]
    public async Task Unknown_sections_ids_and_users_are_404(Db db, string method, string path)
    {
        var app = await TestApp.For(db);
        var alice = await app.CreateUserAsync("alice");
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "PUT")
            request.Content = new StringContent("{\"name\":\"x\"}", Encoding.UTF8, "application/json");

        var response = await alice.Client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, AllDatabases]
    public async Task A_section_holds_at_most_a_hundred_entries(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        var alice = await app.CreateUserAsync("alice");
        for (var i = 0; i < 100; i++)
            (
                await alice.Client.POSTAsync<Skills.Add.Endpoint, Skills.Request>(
                    new Skills.Request { Name = $"Skill {i}" }
                )
            ).StatusCode.ShouldBe(HttpStatusCode.Created);

        var response = await alice.Client.POSTAsync<Skills.Add.Endpoint, Skills.Request>(
            new Skills.Request { Name = "One too many" }
        );

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await app.QueryAsync(d => d.PortfolioSkills.CountAsync(s => s.UserId == alice.Id))).ShouldBe(100);
    }
}
