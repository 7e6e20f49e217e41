using ArtFolio.Infrastructure.Endpoints;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ArtFolio.Features.Orders;

/// <summary>The answers the order slices share.</summary>
public static class OrderProblems
{
    public static ProblemHttpResult NotFound() =>
        Problems.Result(StatusCodes.Status404NotFound, "There is no order of yours with this id.");

    public static ProblemHttpResult PaymentsNotConfigured() =>
        Problems.Result(
            StatusCodes.Status503ServiceUnavailable,
            "Payments are not configured on this server (Payments:StripeSecretKey, Payments:StripeWebhookSecret)."
        );
}
