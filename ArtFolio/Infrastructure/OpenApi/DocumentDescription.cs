using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ArtFolio.Infrastructure.OpenApi;

/// <summary>
/// The document as a reader meets it: its introduction, the tags in the order one uses the API, the
/// server without a trailing slash, the bearer scheme, and the one problem schema every error is.
/// </summary>
internal sealed class DocumentDescription(int release) : IOpenApiDocumentTransformer
{
    public const string ProblemSchema = "Problem";

    /// <summary>Each slice's tag, in the order a client meets them.</summary>
    public static readonly (string Name, string Description)[] Tags =
    [
        ("Auth", "Accounts and sessions: register, log in, refresh and revoke tokens, verify email, reset passwords."),
        ("Artworks", "Upload, edit and delete artworks; explore them with filters, search, sorts and cursor pages."),
        ("Users", "Profiles, the artist directory, and the caller's own account, email and avatar."),
        ("Portfolio", "An artist's portfolio: projects, skills, experience and education."),
        ("Likes", "Like and unlike artworks."),
        ("Comments", "Comments on artworks."),
        ("Follows", "Follow artists and list followers and following."),
        ("Feed", "New artworks from the artists the caller follows."),
        ("Notifications", "The caller's notifications, listed or pushed live over a WebSocket."),
        ("Downloads", "Downloads of artworks and of external images, and the caller's download history."),
        ("Images", "External image search (Pexels), when a Pexels key is configured."),
        (
            "Orders",
            "Buying artworks through Stripe Checkout, the caller's orders (purchases), and an artist's sales; when Stripe keys are configured."
        ),
        ("Payments", "Stripe's webhook, by which payments reach the API: for Stripe, not for clients."),
        ("Operations", "The service's status and its dependencies."),
    ];

    public Task TransformAsync(
        OpenApiDocument document,
        OpenApiDocumentTransformerContext context,
        CancellationToken cancellationToken
    )
    {
        var name = OpenApiSetup.DocumentName(release);
        document.Info.Title = "ArtFolio API";
        document.Info.Version = name;
        document.Info.Description =
            $"Artists' portfolios and a marketplace for their work: accounts, artworks, profiles, community and sales. Release {name}: every endpoint at "
            + $"its newest version up to {release}, under `/api/v{{version}}/`. Errors are RFC 9457 problem details "
            + "(`application/problem+json`) with a `traceId`; JSON answers are compressed (Brotli or gzip) on request.";
        var site = context.ApplicationServices.GetRequiredService<Features.Auth.AppOptions>().PublicBaseUrl;
        document.Info.Contact = new OpenApiContact { Name = "ArtFolio", Url = new Uri(site) };

        var used = document
            .Paths.Values.SelectMany(path => path.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(operation => operation.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(tag => tag.Name)
            .ToHashSet();
        document.Tags = new HashSet<OpenApiTag>(
            Tags.Where(tag => used.Contains(tag.Name))
                .Select(tag => new OpenApiTag { Name = tag.Name, Description = tag.Description })
        );
        foreach (var server in document.Servers ?? [])
            server.Url = server.Url?.TrimEnd('/');

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[OpenApiSetup.BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "The accessToken from /auth/login, /auth/register or /auth/refresh.",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema] = Problem();
        return Task.CompletedTask;
    }

    /// <summary>What <c>Problems</c> sends for every error, validation errors included.</summary>
    private static OpenApiSchema Problem() =>
        new()
        {
            Type = JsonSchemaType.Object,
            Description = "An error, as RFC 9457 problem details.",
            Required = new HashSet<string> { "title", "status", "traceId" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Description = "A URI naming the kind of error.",
                },
                ["title"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Description = "The kind of error, in words.",
                },
                ["status"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Integer,
                    Format = "int32",
                    Description = "The HTTP status.",
                },
                ["detail"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Description = "What went wrong with this request, for a person.",
                },
                ["traceId"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Description = "Names this request in the server's logs and traces.",
                },
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "Validation errors only: the messages for each field, by its JSON name.",
                    AdditionalProperties = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Array,
                        Items = new OpenApiSchema { Type = JsonSchemaType.String },
                    },
                },
            },
            Examples =
            [
                new JsonObject
                {
                    ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
                    ["title"] = "One or more validation errors occurred.",
                    ["status"] = 400,
                    ["detail"] = "'title' must not be empty.",
                    ["traceId"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                    ["errors"] = new JsonObject { ["title"] = new JsonArray("'title' must not be empty.") },
                },
            ],
        };
}
