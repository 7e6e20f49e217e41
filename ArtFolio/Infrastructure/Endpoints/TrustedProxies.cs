using Microsoft.AspNetCore.HttpOverrides;

namespace ArtFolio.Infrastructure.Endpoints;

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
        var networks = configuration.GetSection("Proxy:KnownNetworks").Get<string[]>() ?? [];
        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var network in networks)
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
    }

    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app) => app.UseForwardedHeaders();
}
