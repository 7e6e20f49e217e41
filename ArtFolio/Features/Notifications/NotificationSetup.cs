namespace ArtFolio.Features.Notifications;

public static class NotificationSetup
{
    public static IServiceCollection AddNotifications(this IServiceCollection services) =>
        services.AddSingleton<NotificationQueue>().AddHostedService<NotificationDispatcher>();
}
