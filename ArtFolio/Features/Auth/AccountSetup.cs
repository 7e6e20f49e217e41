using ArtFolio.Features.Auth.ForgotPassword;
using ArtFolio.Infrastructure.Caching;
using ArtFolio.Infrastructure.Hosting;
using ArtFolio.Infrastructure.Outbox;
using Microsoft.AspNetCore.Authorization;

namespace ArtFolio.Features.Auth;

public static class AccountSetup
{
    /// <summary>Email verification and password reset: their options, tokens, emails and the reset-request handler.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<AccountOptions>(configuration, AccountOptions.Section);
        services.AddSettings<AppOptions>(configuration, AppOptions.Section);
        services.AddSingleton<AccountTokens>();
        services.AddSingleton<AccountEmails>();
        services.AddScoped<Sessions>();
        services.AddSingleton<AccountMail>();
        services.AddSingleton<IOutboxHandler, AccountEmailHandler>();
        services.AddSingleton<IOutboxHandler, ResetRequestHandler>();
        services.AddSingleton<VerifiedEmails>();
        services.AddSingleton<IEvictionTarget>(sp => sp.GetRequiredService<VerifiedEmails>());
        services.AddSingleton<IAuthorizationHandler, VerifiedEmailHandler>();
        services.AddAuthorization(options => options.AddVerifiedEmailPolicy());
        return services;
    }
}
