using ArtFolio.Infrastructure.Health;
using ArtFolio.Infrastructure.Hosting;

namespace ArtFolio.Infrastructure.Email;

public static class EmailSetup
{
    /// <summary>SMTP when <c>Email:Smtp:Host</c> is set; otherwise .eml files in the pickup directory.</summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        var options = services.AddSettings<EmailOptions>(configuration, EmailOptions.Section);
        if (string.IsNullOrWhiteSpace(options.Smtp.Host))
            services.AddSingleton<IEmailSender, PickupDirectoryEmailSender>();
        else
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        services.AddStatusCheck<EmailHealthCheck>("email");
        return services;
    }
}
