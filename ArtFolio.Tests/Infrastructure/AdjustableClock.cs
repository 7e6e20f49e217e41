namespace ArtFolio.Tests.Infrastructure;

/// <summary>A clock a test can move; only apps a test owns alone should be moved.</summary>
public sealed class AdjustableClock : TimeProvider
{
    private TimeSpan offset;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;

    public void Advance(TimeSpan by) => offset += by;
}
