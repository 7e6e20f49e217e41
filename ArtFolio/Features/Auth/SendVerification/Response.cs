using ArtFolio.Infrastructure.OpenApi;

namespace ArtFolio.Features.Auth.SendVerification;

public sealed record Response(string Message) : IHasExample<Response>
{
    public static Response Example { get; } = new("A verification link is on its way to your email.");
}
