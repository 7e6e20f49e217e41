using ArtFolio.Features.Artworks;
using ArtFolio.Infrastructure.Outbox;
using ArtFolio.Infrastructure.Payments;

namespace ArtFolio.Features.Orders;

public static class OrdersSetup
{
    public static IServiceCollection AddOrders(this IServiceCollection services, PaymentsOptions payments)
    {
        Money.Currency = payments.Currency;
        services.AddScoped<OrderLedger>();
        services.AddSingleton<IOutboxHandler, RefundHandler>();
        return services;
    }
}
