namespace ArtFolio.Features.Auth.ForgotPassword;

/// <summary>The same words whether or not an account has the address.</summary>
public sealed record Response(string Message);
