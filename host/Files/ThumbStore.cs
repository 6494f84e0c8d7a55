using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Satchel.Files;

/// <summary>
/// Stored thumbs: a thumb is generated the first time it is asked for, stored beside its original
/// in the active storage backend ("…/thumbs_&lt;file&gt;/&lt;size&gt;_&lt;file&gt;") and served from there
/// afterwards. Concurrent requests for the same thumb share one generation, and at most
/// <see cref="Workers"/> generations run at once, so a burst of new sizes can't take every core.
/// The pixel work is the <see cref="IThumbGenerator"/> a plugin registered; without one nothing is generated.
/// </summary>
public sealed class ThumbStore
{
    /// <summary>Originals above this size are served as they are rather than read into memory to be decoded.</summary>
    public const long MaxOriginalBytes = 64L << 20;

    /// <summary>How long a request waits for a free worker before it gets the original instead.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

    /// <summary>Concurrent generations (as PocketBase: the core count plus two).</summary>
    public static readonly int Workers = Environment.ProcessorCount + 2;

    private readonly IThumbGenerator? _generator;
    private readonly ILogger? _log;
    private readonly SemaphoreSlim _workers = new(Workers, Workers);
    private readonly ConcurrentDictionary<(IFileSystem Storage, string Key), Lazy<Task>> _pending = new();

    public ThumbStore(IThumbGenerator? generator, ILogger? log = null)
    {
        _generator = generator;
        _log = log;
    }

    /// <summary>Whether a thumb generator is available.</summary>
    public bool CanGenerate => _generator != null;

    /// <summary>
    /// Makes sure the thumb <paramref name="thumbKey"/> of <paramref name="original"/> exists in
    /// <paramref name="storage"/>, generating it when missing. Returns null when it exists, or why it
    /// doesn't (the caller then serves the original); only <paramref name="ct"/> makes it throw.
    /// </summary>
    public async Task<Exception?> EnsureAsync(IFileSystem storage, StoredFileInfo original, string thumbKey, ThumbSize size, CancellationToken ct)
    {
        try
        {
            if (await storage.ExistsAsync(thumbKey, ct)) return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return e;
        }
        if (_generator == null)
            return new NotSupportedException($"the thumb {thumbKey} hasn't been generated and no thumb generator is enabled");

        var key = (storage, thumbKey);
        var pending = _pending.GetOrAdd(key, _ => new Lazy<Task>(() => Task.Run(() => GenerateAsync(storage, original, thumbKey, size))));
        try
        {
            // The generation itself isn't tied to this request: others may be waiting for it too.
            await pending.Value.WaitAsync(ct);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            _log?.LogWarning(e, "Fallback to original - failed to create thumb {Thumb}", thumbKey);
            return e;
        }
    }

    private async Task GenerateAsync(IFileSystem storage, StoredFileInfo original, string thumbKey, ThumbSize size)
    {
        try
        {
            if (!await _workers.WaitAsync(MaxWait))
                throw new TimeoutException("no thumb worker became free in time");
            try
            {
                // A request that found no thumb may start just after another one stored it.
                if (await storage.ExistsAsync(thumbKey)) return;

                using var content = await ReadAsync(storage, original);
                var thumb = _generator!.Generate(content, original.ContentType, size)
                    ?? throw new NotSupportedException($"{original.Key} can't be decoded as an image within the size limits");
                using var encoded = new MemoryStream(thumb.Content, writable: false);
                await storage.UploadAsync(thumbKey, encoded, thumb.ContentType);
            }
            finally
            {
                _workers.Release();
            }
        }
        finally
        {
            // Stored (or failed): later requests look at the storage again.
            _pending.TryRemove((storage, thumbKey), out _);
        }
    }

    /// <summary>The whole original in memory: decoders seek around, which a remote stream makes slow.</summary>
    private static async Task<MemoryStream> ReadAsync(IFileSystem storage, StoredFileInfo original)
    {
        if (original.Size > MaxOriginalBytes)
            throw new NotSupportedException($"{original.Key} is larger than {MaxOriginalBytes} bytes");
        await using var source = await storage.OpenReadAsync(original.Key)
            ?? throw new FileNotFoundException($"{original.Key} no longer exists");
        var buffer = new MemoryStream((int)Math.Max(0, original.Size));
        await source.CopyToAsync(buffer);
        if (buffer.Length > MaxOriginalBytes)
            throw new NotSupportedException($"{original.Key} is larger than {MaxOriginalBytes} bytes");
        buffer.Position = 0;
        return buffer;
    }
}
