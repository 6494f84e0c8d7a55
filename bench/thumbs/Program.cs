// bench/thumbs.sh's helper.
//   image PATH SIDE                   writes a SIDE×SIDE JPEG of random noise (the worst case for JPEG)
//   run URL SIZES CLIENTS SECONDS     URL is a file's /api/files/… address; SIZES a comma-separated list.
//                                     1. cold: every size requested once, CLIENTS at a time (each one is generated)
//                                     2. cached: the sizes requested again in a loop for SECONDS, CLIENTS at a time
using System.Diagnostics;
using SkiaSharp;

switch (args.FirstOrDefault())
{
    case "image" when args.Length == 3:
        WriteNoise(args[1], int.Parse(args[2]));
        return 0;
    case "run" when args.Length == 5:
        return await Run(args[1], args[2].Split(','), int.Parse(args[3]), int.Parse(args[4]));
    default:
        Console.Error.WriteLine("usage: image PATH SIDE | run URL SIZES CLIENTS SECONDS");
        return 2;
}

static void WriteNoise(string path, int side)
{
    var random = new Random(42);
    using var bitmap = new SKBitmap(new SKImageInfo(side, side, SKColorType.Rgba8888, SKAlphaType.Opaque));
    var pixels = new byte[bitmap.ByteCount];
    random.NextBytes(pixels);
    for (var i = 3; i < pixels.Length; i += 4) pixels[i] = 255;
    System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
    using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
    File.WriteAllBytes(path, data.ToArray());
}

static async Task<int> Run(string url, string[] sizes, int clients, int seconds)
{
    using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };

    // Cold: each size once; the server generates, stores and serves it.
    var queue = new Queue<string>(sizes);
    var latencies = new List<double>();
    var failures = 0;
    var cold = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
    {
        while (true)
        {
            string size;
            lock (queue) { if (!queue.TryDequeue(out size!)) return; }
            var started = Stopwatch.GetTimestamp();
            var ok = await IsThumb(http, url, size);
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            lock (latencies) { latencies.Add(ms); if (!ok) failures++; }
        }
    }));
    cold.Stop();
    latencies.Sort();
    Console.WriteLine($"cold:   {sizes.Length} distinct sizes in {cold.Elapsed.TotalSeconds:F2} s = {sizes.Length / cold.Elapsed.TotalSeconds:F1} thumbs/s "
        + $"({clients} clients; per thumb p50 {Percentile(latencies, 50):F0} ms, p95 {Percentile(latencies, 95):F0} ms; {failures} not a thumb)");

    // Cached: the stored thumbs served again and again.
    long served = 0, wrong = 0;
    var until = DateTime.UtcNow.AddSeconds(seconds);
    var warm = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
    {
        var i = c;
        while (DateTime.UtcNow < until)
        {
            var ok = await IsThumb(http, url, sizes[i++ % sizes.Length]);
            Interlocked.Increment(ref served);
            if (!ok) Interlocked.Increment(ref wrong);
        }
    }));
    warm.Stop();
    Console.WriteLine($"cached: {served} requests in {warm.Elapsed.TotalSeconds:F1} s = {served / warm.Elapsed.TotalSeconds:F0} thumbs/s ({clients} clients; {wrong} not a thumb)");
    return failures + wrong == 0 ? 0 : 1;
}

// A thumb answer names the thumb ("filename=<size>_…"); the original would not.
static async Task<bool> IsThumb(HttpClient http, string url, string size)
{
    using var res = await http.GetAsync(url + "?thumb=" + size);
    var body = await res.Content.ReadAsByteArrayAsync();
    var disposition = res.Content.Headers.ContentDisposition?.ToString() ?? "";
    return res.IsSuccessStatusCode && body.Length > 0 && disposition.Contains("filename=" + size + "_");
}

static double Percentile(List<double> sorted, int p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];
