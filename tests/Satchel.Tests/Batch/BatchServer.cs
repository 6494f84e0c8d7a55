using Satchel.Tests.Records;
using Satchel.Tests.Support;

namespace Satchel.Tests.Batch;

/// <summary>A server over a copy of the PocketBase fixture, whose settings enable batches (50 requests, 5 s).</summary>
public sealed class BatchServer : IAsyncLifetime
{
    public RunningServer Server { get; private set; } = null!;
    public RecordsApi Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await RunningServer.StartAsync(new ServerOptions { FromFixture = true });
        Api = new RecordsApi(Server.Client);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public long Count(string sql, object? args = null) => DataDb.Query(Server.DataDir, c => Dapper.SqlMapper.ExecuteScalar<long>(c, sql, args));

    public static object Request(string method, string url, object? body = null, Dictionary<string, string>? headers = null)
        => new Dictionary<string, object?> { ["method"] = method, ["url"] = url, ["body"] = body, ["headers"] = headers };

    public Task<Answer> Send(object[] requests, string? token = null) => Api.Post("/api/batch", new { requests }, token);
}
