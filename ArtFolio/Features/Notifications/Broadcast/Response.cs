using ArtFolio.Infrastructure.OpenApi;

namespace ArtFolio.Features.Notifications.Broadcast;

/// <summary>How many followers the message is on its way to.</summary>
public sealed record Response(int Recipients) : IHasExample<Response>
{
    public static Response Example { get; } = new(128);
}
