namespace ArtFolio.Features.Auth.SendVerification;

public sealed record Response(string Message);
