using ArtFolio.Features.Artworks.Popular;
using ArtFolio.Features.Auth;
using ArtFolio.Features.Notifications;
using ArtFolio.Features.Orders;
using ArtFolio.Infrastructure.Auth;
using ArtFolio.Infrastructure.Caching;
using ArtFolio.Infrastructure.Email;
using ArtFolio.Infrastructure.Endpoints;
using ArtFolio.Infrastructure.Health;
using ArtFolio.Infrastructure.Hosting;
using ArtFolio.Infrastructure.Http;
using ArtFolio.Infrastructure.ImageSearch;
using ArtFolio.Infrastructure.Media;
using ArtFolio.Infrastructure.OpenApi;
using ArtFolio.Infrastructure.Outbox;
using ArtFolio.Infrastructure.Payments;
using ArtFolio.Infrastructure.Persistence;
using ArtFolio.Infrastructure.Realtime;
using ArtFolio.Infrastructure.Redis;
using ArtFolio.Infrastructure.Telemetry;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

if (Commands.IsHealthCheck(args))
    return await Commands.CheckHealthAsync(args);

var builder = WebApplication.CreateBuilder(ContentRoot.Options(args));
builder.Configuration.AddSecretFiles();
var services = builder.Services;
var configuration = builder.Configuration;

services.AddSingleton(TimeProvider.System);
services.AddGracefulShutdown(configuration);
builder.AddTelemetry();
services.AddStatusReport(configuration);
services.AddPersistence(configuration);
services.AddRedis(configuration);
services.AddCaching(configuration);
services.AddAnswerCache(configuration);
services.AddMedia(configuration);
services.AddRealtime(configuration);
services.AddOutbox(configuration);
services.AddNotifications();
services.AddEmail(configuration);
services.AddAccounts(configuration);
services.AddImageSearch(configuration);
services.AddOrders(services.AddPayments(configuration));
services.AddPopularArtworks(configuration);
services.AddJwtAuth(configuration, builder.Environment);
services.AddTrustedProxies(configuration);
services.AddCrossOrigin(configuration, builder.Environment);
services.AddCompression();
services.AddRateLimitPolicies(configuration);
services.AddApiEndpoints();
services.AddProblems();
services.AddVersionedOpenApi();

var app = builder.Build();

if (Commands.IsMigrate(args))
    return await Commands.MigrateAsync(app);
await app.Services.MigrateDatabaseOnStartAsync();

app.UseGracefulShutdown();
app.UseRequestLog();
app.UseTrustedProxies();
app.UseResponseCompression();
app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseLocalMedia();
app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
app.UseRouting();
app.UseCors();

// Right after routing and CORS: a kept anonymous answer skips the rest (it never carries a token).
app.UseOutputCache();
app.UseDeprecationHeaders();
app.UseRequestBodyLimit();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

if (configuration.GetValue("OpenApi:Enabled", true))
    app.UseVersionedOpenApi(swaggerUi: configuration.GetValue("OpenApi:SwaggerUi", true));
app.UsePrometheusScraping();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.UseApiEndpoints();

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
