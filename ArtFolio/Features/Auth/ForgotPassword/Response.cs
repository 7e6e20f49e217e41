using ArtFolio.Infrastructure.OpenApi;

namespace ArtFolio.Features.Auth.ForgotPassword;

/// <summary>The same words whether or not an account has the address.</summary>
public sealed record Response(string Message) : IHasExample<Response>
{
    public static Response Example { get; } = new("If an account has this email, a reset link is on its way.");
}
