using ArtFolio.Infrastructure.Caching;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Hosting;
using ArtFolio.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ArtFolio.Infrastructure.Auth;

public static class AuthSetup
{
    /// <summary>The WebSocket route (relative to a version group) that may carry its token in the query.</summary>
    public const string SocketPath = "notifications/ws";

    public const string SessionEnded =
        "The session of this access token has ended (logout, password change or account deletion); log in again.";

    public static IServiceCollection AddJwtAuth(
        this IServiceCollection services,
        IConfiguration configuration,
        IHostEnvironment environment
    )
    {
        var options = services.AddSettings<JwtOptions>(configuration, JwtOptions.Section);
        var key = new SymmetricSecurityKey(SigningKey.Resolve(options, environment));

        services.AddSingleton(new SigningCredentials(key, SecurityAlgorithms.HmacSha256));
        services.AddSingleton<TokenService>();
        services.AddMemoryCache();
        services.AddSingleton<ActiveSessions>();
        services.AddSingleton<IEvictionTarget>(sp => sp.GetRequiredService<ActiveSessions>());
        services.AddSettings<PasswordOptions>(configuration, PasswordOptions.Section);
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
                    OnTokenValidated = async context =>
                    {
                        // Only access tokens open the API; any other JWT we might mint later does not.
                        var principal = context.Principal!;
                        var use = principal.FindFirst(TokenService.TokenUseClaim)?.Value;
                        if (
                            use != TokenService.AccessTokenUse
                            || principal.UserIdOrNull() is not { } userId
                            || principal.SessionIdOrNull() is not { } sessionId
                        )
                        {
                            context.Fail("Not an access token.");
                            return;
                        }
                        // A signature proves who issued the token, not that its session is still open.
                        var services = context.HttpContext.RequestServices;
                        var open = await services
                            .GetRequiredService<ActiveSessions>()
                            .IsActiveAsync(
                                services.GetRequiredService<AppDbContext>(),
                                userId,
                                sessionId,
                                context.HttpContext.RequestAborted
                            );
                        if (!open)
                            context.Fail(SessionEnded);
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
                            context.AuthenticateFailure switch
                            {
                                null =>
                                    "This endpoint needs an access token: send 'Authorization: Bearer <accessToken>'.",
                                { Message: SessionEnded } => SessionEnded,
                                _ => "The access token is invalid or has expired.",
                            }
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
        services.AddSingleton<
            Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler,
            ProblemAuthorizationResults
        >();
        return services;
    }
}
