using ArtFolio.Infrastructure.Outbox;

namespace ArtFolio.Features.Notifications;

public static class NotificationSetup
{
    public static IServiceCollection AddNotifications(this IServiceCollection services) =>
        services.AddSingleton<NotificationOutbox>().AddSingleton<IOutboxHandler, NotificationHandler>();
}
