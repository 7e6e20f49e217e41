using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Connections;

namespace ArtFolio.Infrastructure.Hosting;

/// <summary>
/// Kestrel's socket transport, with a way to stop accepting before the server stops. When Kestrel stops
/// it closes, at the same moment, its listener and every connection that is waiting for a request, so a
/// request the balancer has just sent on a fresh connection is dropped unread (nginx answers 502 and
/// cannot retry a POST). Closing the listener first, and stopping the server a moment later, turns that
/// into a refused connection, which the balancer retries elsewhere, while requests already sent are read
/// and answered.
/// </summary>
public sealed class DrainableListeners(IConnectionListenerFactory inner)
    : IConnectionListenerFactory,
        IConnectionListenerFactorySelector
{
    private readonly ConcurrentBag<IConnectionListener> bound = [];

    public async ValueTask<IConnectionListener> BindAsync(
        EndPoint endpoint,
        CancellationToken cancellationToken = default
    )
    {
        var listener = await inner.BindAsync(endpoint, cancellationToken);
        bound.Add(listener);
        return listener;
    }

    public bool CanBind(EndPoint endpoint) =>
        inner is not IConnectionListenerFactorySelector selector || selector.CanBind(endpoint);

    /// <summary>Stops accepting connections on every address; those already open carry on.</summary>
    public async Task StopAcceptingAsync()
    {
        foreach (var listener in bound)
            await listener.UnbindAsync();
    }

    /// <summary>Puts this around the transport Kestrel was given (the sockets one), if there is one.</summary>
    public static void Register(IServiceCollection services)
    {
        var transport = services.LastOrDefault(d => d.ServiceType == typeof(IConnectionListenerFactory));
        if (transport is null)
            return;
        services.Remove(transport);
        services.AddSingleton(sp => new DrainableListeners(Create(sp, transport)));
        services.AddSingleton<IConnectionListenerFactory>(sp => sp.GetRequiredService<DrainableListeners>());
    }

    private static IConnectionListenerFactory Create(IServiceProvider services, ServiceDescriptor transport) =>
        (IConnectionListenerFactory)(
            transport.ImplementationInstance
            ?? transport.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, transport.ImplementationType!)
        );
}
