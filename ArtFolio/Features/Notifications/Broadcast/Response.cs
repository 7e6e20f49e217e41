namespace ArtFolio.Features.Notifications.Broadcast;

/// <summary>How many followers the message is on its way to.</summary>
public sealed record Response(int Recipients);
