using Satchel.Files;
using Satchel.Plugins.FilesLocal;
using Satchel.Tests.Support;

namespace Satchel.Tests.Files;

/// <summary>The host's thumb store over local storage, with a generator that counts its calls.</summary>
public sealed class ThumbStoreTests : IDisposable
{
    private const string OriginalKey = "col/rec/photo.png";
    private const string ThumbKey = "col/rec/thumbs_photo.png/10x10_photo.png";
    private static readonly ThumbSize Size = new(10, 10, ThumbMode.CropCenter);

    private readonly TempDir _dir = TempDir.Create("satchel-thumbs");
    private readonly LocalFileSystem _fs;

    public ThumbStoreTests() => _fs = new LocalFileSystem(_dir.Path);

    public void Dispose() => _dir.Dispose();

    /// <summary>Returns its thumb (or throws) once the gate opens; counts its calls.</summary>
    private sealed class GatedGenerator(Func<GeneratedThumb?> result) : IThumbGenerator
    {
        public readonly TaskCompletionSource Entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public readonly ManualResetEventSlim Gate = new(false);
        public int Calls;

        public GeneratedThumb? Generate(Stream original, string contentType, ThumbSize size)
        {
            Interlocked.Increment(ref Calls);
            Entered.TrySetResult();
            Gate.Wait(TimeSpan.FromSeconds(30));
            return result();
        }
    }

    private async Task<StoredFileInfo> StoreOriginal()
    {
        await _fs.UploadAsync(OriginalKey, new MemoryStream(FileFixture.Png), "image/png");
        return (await _fs.GetAttributesAsync(OriginalKey))!;
    }

    [Fact]
    public async Task Concurrent_requests_share_one_generation()
    {
        var original = await StoreOriginal();
        var generator = new GatedGenerator(() => new GeneratedThumb([1, 2, 3], "image/png"));
        var store = new ThumbStore(generator);

        var requests = Enumerable.Range(0, 10).Select(_ => store.EnsureAsync(_fs, original, ThumbKey, Size, CancellationToken.None)).ToList();
        await generator.Entered.Task;
        generator.Gate.Set();
        var errors = await Task.WhenAll(requests);

        Assert.All(errors, Assert.Null);
        Assert.Equal(1, generator.Calls);
        Assert.Equal([1, 2, 3], await File.ReadAllBytesAsync(Path.Combine(_dir.Path, ThumbKey)));

        // Stored: later requests don't generate.
        Assert.Null(await store.EnsureAsync(_fs, original, ThumbKey, Size, CancellationToken.None));
        Assert.Equal(1, generator.Calls);
    }

    [Fact]
    public async Task A_failed_generation_is_reported_stores_nothing_and_is_tried_again_later()
    {
        var original = await StoreOriginal();
        var failures = 0;
        var generator = new GatedGenerator(() => failures++ == 0 ? throw new InvalidOperationException("decoder crashed") : null);
        generator.Gate.Set();
        var store = new ThumbStore(generator);

        var crashed = await store.EnsureAsync(_fs, original, ThumbKey, Size, CancellationToken.None);
        Assert.IsType<InvalidOperationException>(crashed);
        var declined = await store.EnsureAsync(_fs, original, ThumbKey, Size, CancellationToken.None);
        Assert.IsType<NotSupportedException>(declined);

        Assert.Equal(2, generator.Calls);
        Assert.False(await _fs.ExistsAsync(ThumbKey));
    }

    [Fact]
    public async Task Without_a_generator_only_stored_thumbs_are_found()
    {
        var original = await StoreOriginal();
        var store = new ThumbStore(generator: null);

        Assert.IsType<NotSupportedException>(await store.EnsureAsync(_fs, original, ThumbKey, Size, CancellationToken.None));
        Assert.False(await _fs.ExistsAsync(ThumbKey));

        await _fs.UploadAsync(ThumbKey, new MemoryStream([9]), "image/png");
        Assert.Null(await store.EnsureAsync(_fs, original, ThumbKey, Size, CancellationToken.None));
    }

    [Fact]
    public async Task Originals_too_large_to_read_into_memory_are_not_generated()
    {
        var original = await StoreOriginal() with { Size = ThumbStore.MaxOriginalBytes + 1 };
        var generator = new GatedGenerator(() => new GeneratedThumb([1], "image/png"));
        generator.Gate.Set();

        var error = await new ThumbStore(generator).EnsureAsync(_fs, original, ThumbKey, Size, CancellationToken.None);
        Assert.IsType<NotSupportedException>(error);
        Assert.Equal(0, generator.Calls);
    }
}
