using ArtFolio.Infrastructure.Endpoints;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ArtFolio.Infrastructure.Auth;

public static class AuthSetup
{
    /// <summary>The WebSocket route (relative to a version group) that may carry its token in the query.</summary>
    public const string SocketPath = "notifications/ws";

    public static IServiceCollection AddJwtAuth(
        this IServiceCollection services,
        IConfiguration configuration,
        IHostEnvironment environment
    )
    {
        var options = configuration.GetSection(JwtOptions.Section).Get<JwtOptions>() ?? new();
        if (options.AccessTokenLifetime <= TimeSpan.Zero || options.RefreshTokenLifetime <= TimeSpan.Zero)
            throw new InvalidOperationException("Jwt token lifetimes must be positive.");
        var key = new SymmetricSecurityKey(SigningKey.Resolve(options, environment));

        services.AddSingleton(options);
        services.AddSingleton(new SigningCredentials(key, SecurityAlgorithms.HmacSha256));
        services.AddSingleton<TokenService>();
        services.AddSingleton(configuration.GetSection(PasswordOptions.Section).Get<PasswordOptions>() ?? new());
        services.AddSingleton<Passwords>();

        services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(bearer =>
            {
                bearer.MapInboundClaims = false;
                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = options.Issuer,
                    ValidAudience = options.Audience,
                    IssuerSigningKey = key,
                    // Pinned: a token signed with any other algorithm (or "none") is refused.
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    ValidateIssuerSigningKey = true,
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = JwtRegisteredClaimNames.PreferredUsername,
                };
                bearer.Events = new JwtBearerEvents
                {
                    OnMessageReceived = context =>
                    {
                        // Browsers cannot set headers on a WebSocket, so the notification socket alone takes the
                        // token from the query; everywhere else a token in a URL is ignored (URLs end up in logs).
                        if (
                            context.Request.Path.Value?.EndsWith("/" + SocketPath, StringComparison.Ordinal) == true
                            && context.Request.Query.TryGetValue("access_token", out var token)
                        )
                            context.Token = token;
                        return Task.CompletedTask;
                    },
                    OnTokenValidated = context =>
                    {
                        // Only access tokens open the API; any other JWT we might mint later does not.
                        var use = context.Principal?.FindFirst(TokenService.TokenUseClaim)?.Value;
                        if (use != TokenService.AccessTokenUse || context.Principal?.UserIdOrNull() is null)
                            context.Fail("Not an access token.");
                        return Task.CompletedTask;
                    },
                    OnChallenge = async context =>
                    {
                        context.HandleResponse();
                        context.Response.Headers.WWWAuthenticate = context.AuthenticateFailure is null
                            ? "Bearer"
                            : "Bearer error=\"invalid_token\"";
                        await Problems.WriteAsync(
                            context.HttpContext,
                            StatusCodes.Status401Unauthorized,
                            context.AuthenticateFailure is null
                                ? "This endpoint needs an access token: send 'Authorization: Bearer <accessToken>'."
                                : "The access token is invalid or has expired."
                        );
                    },
                    OnForbidden = context =>
                        Problems.WriteAsync(
                            context.HttpContext,
                            StatusCodes.Status403Forbidden,
                            "You are not allowed to do this."
                        ),
                };
            });
        services.AddAuthorization();
        return services;
    }
}
