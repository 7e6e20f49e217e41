namespace ArtFolio.Infrastructure.Media;

/// <summary>
/// An uploaded file, streamed to a temporary file while it arrived. Disposing deletes the temporary
/// file if no store has taken it, so a failed request leaves nothing behind.
/// </summary>
public sealed class ReceivedFile(string tempPath, MediaType type, long bytes, int? width, int? height)
    : IAsyncDisposable
{
    public string TempPath { get; } = tempPath;
    public MediaType Type { get; } = type;
    public long Bytes { get; } = bytes;
    public int? Width { get; } = width;
    public int? Height { get; } = height;

    public ValueTask DisposeAsync()
    {
        File.Delete(TempPath); // no error if a store already moved it away
        return ValueTask.CompletedTask;
    }
}
