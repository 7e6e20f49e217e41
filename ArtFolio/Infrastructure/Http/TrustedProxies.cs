using Microsoft.AspNetCore.HttpOverrides;

namespace ArtFolio.Infrastructure.Http;

/// <summary>
/// Behind a load balancer every request comes from the proxy, so per-client limits would count
/// everyone as one client. X-Forwarded-For and X-Forwarded-Proto are believed only from loopback
/// (ASP.NET Core's default) and from the networks in <c>Proxy:KnownNetworks</c>; from anyone
/// else they are ignored, so a client cannot pick its own address.
/// </summary>
public static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        // Parsed here, so that a mistyped network stops the start rather than the first request.
        var networks = (configuration.GetSection("Proxy:KnownNetworks").Get<string[]>() ?? [])
            .Select(network =>
                System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException(
                        $"Proxy:KnownNetworks: '{network}' is not a network in CIDR form, such as 172.28.0.0/16."
                    )
            )
            .ToList();
        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var network in networks)
                options.KnownIPNetworks.Add(network);
        });
    }

    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app) => app.UseForwardedHeaders();
}
