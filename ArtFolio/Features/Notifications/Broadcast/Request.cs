namespace ArtFolio.Features.Notifications.Broadcast;

public sealed record Request
{
    public string? Message { get; init; }
}
