namespace ArtFolio.Infrastructure.Realtime;

/// <summary>One instance (the SQLite setup): every socket is here, so delivering is a lookup.</summary>
public sealed class InProcessBus(ConnectionRegistry registry) : IRealtimeBus
{
    public Task PublishAsync(IReadOnlyList<RealtimeMessage> messages, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
            registry.Deliver(message);
        return Task.CompletedTask;
    }
}
