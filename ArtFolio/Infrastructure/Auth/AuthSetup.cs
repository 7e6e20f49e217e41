using ArtFolio.Infrastructure.Endpoints;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ArtFolio.Infrastructure.Auth;

public static class AuthSetup
{
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
