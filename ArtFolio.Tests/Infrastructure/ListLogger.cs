using Microsoft.Extensions.Logging;

namespace ArtFolio.Tests.Infrastructure;

/// <summary>A logger that keeps what it was told, formatted, for tests of what reaches a log.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    private readonly List<string> messages = [];

    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (messages)
                return [.. messages];
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(
        LogLevel logLevel,
        EventId eventId,
        TState state,
        Exception? exception,
        Func<TState, Exception?, string> formatter
    )
    {
        lock (messages)
            messages.Add(formatter(state, exception));
    }
}
