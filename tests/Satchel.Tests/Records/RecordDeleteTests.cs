using Dapper;
using Satchel.Tests.Support;
using static Satchel.Tests.Records.Fixture;

namespace Satchel.Tests.Records;

/// <summary>
/// DELETE /api/collections/{c}/records/{id}: delete rules and relation references. The tests that
/// delete fixture records run on their own server, since the deletes cascade.
/// </summary>
public class RecordDeleteTests(RecordsServer server) : IClassFixture<RecordsServer>
{
    private readonly RecordsApi _api = server.Api;

    [Fact]
    public async Task Locked_missing_and_view_records()
    {
        Assert.Equal(403, (await _api.Delete(One("demo1", "imy661ixudk5izi"), User)).Status);
        Assert.Equal(404, (await _api.Delete(One("demo2", "missing"))).Status);
        var view = await _api.Delete(One("view1", "imy661ixudk5izi"));
        Assert.Equal(400, view.Status);
        Assert.Equal("Unsupported collection type.", view.Str("message"));
    }

    [Fact]
    public async Task Delete_rules_see_the_request()
    {
        // demo5 deleteRule: "@request.query.test:isset = true"
        Assert.Equal(404, (await _api.Delete(One("demo5", "la4y2w4o98acwuj"))).Status);
        var deleted = await _api.Delete(One("demo5", "la4y2w4o98acwuj", "test=1"));
        Assert.Equal(204, deleted.Status);
        Assert.Equal("", deleted.Raw);
        Assert.Equal(404, (await _api.Get(One("demo5", "la4y2w4o98acwuj"), Superuser)).Status);

        // users may delete only themselves
        Assert.Equal(404, (await _api.Delete(One("users", "bgs820n361vj1qd"), User)).Status);
    }

    [Fact]
    public async Task Public_delete_by_collection_id()
    {
        Assert.Equal(204, (await _api.Delete(One("kpv709sk2lqbqk8", "dc49k6jgejn40h3"))).Status);
        Assert.Equal(404, (await _api.Get(One("nologin", "dc49k6jgejn40h3"))).Status);
    }

    [Fact]
    public async Task A_record_in_a_required_relation_cannot_be_deleted()
    {
        await using var own = await RunningServer.StartAsync(new ServerOptions { FromFixture = true });
        var api = new RecordsApi(own.Client);

        // both demo4 records need lcl9d87w22ml6jy in rel_one_no_cascade_required
        var answer = await api.Delete(One("demo3", "lcl9d87w22ml6jy"), Superuser);
        Assert.Equal(400, answer.Status);
        Assert.Equal("Failed to delete record. Make sure that the record is not part of a required relation reference.", answer.Str("message"));
        Assert.Equal(200, (await api.Get(One("demo3", "lcl9d87w22ml6jy"), Superuser)).Status);
    }

    [Fact]
    public async Task Non_cascading_references_lose_the_id()
    {
        await using var own = await RunningServer.StartAsync(new ServerOptions { FromFixture = true });
        var api = new RecordsApi(own.Client);

        Assert.Equal(204, (await api.Delete(One("demo3", "1tmknxy2868d869"), Superuser)).Status);
        var qzaq = await api.Get(One("demo4", "qzaqccwrmva4o1n"));
        Assert.Empty(qzaq.Json["rel_many_no_cascade"]!.AsArray());
        Assert.Equal(["lcl9d87w22ml6jy"], qzaq.Json["rel_many_no_cascade_required"]!.AsArray().Select(v => v!.GetValue<string>()).ToList());
    }

    [Fact]
    public async Task Cascading_references_are_deleted_with_their_own_references()
    {
        await using var own = await RunningServer.StartAsync(new ServerOptions { FromFixture = true });
        var api = new RecordsApi(own.Client);

        // qzaq's rel_many_cascade holds only mk5f: qzaq goes too, and with it the references to qzaq
        Assert.Equal(204, (await api.Delete(One("demo3", "mk5fmymtx4wsprk"), Superuser)).Status);
        Assert.Equal(404, (await api.Get(One("demo4", "qzaqccwrmva4o1n"))).Status);
        var i9na = await api.Get(One("demo4", "i9naidtvr6qsgb4"));
        Assert.Equal("", i9na.Str("self_rel_one"));
        var demo5 = await api.Get(One("demo5", "qjeql998mtp1azp"), Superuser);
        Assert.Equal(["i9naidtvr6qsgb4"], demo5.Json["rel_many"]!.AsArray().Select(v => v!.GetValue<string>()).ToList());
    }

    [Fact]
    public async Task A_refused_cascade_undoes_everything_it_did()
    {
        await using var own = await RunningServer.StartAsync(new ServerOptions { FromFixture = true });
        var api = new RecordsApi(own.Client);

        // 7nwo: qzaq.rel_one_cascade would delete qzaq, then i9na.rel_many_no_cascade_required would be left empty
        var answer = await api.Delete(One("demo3", "7nwo8tuiatetxdm"), Superuser);
        Assert.Equal(400, answer.Status);
        Assert.Equal(200, (await api.Get(One("demo3", "7nwo8tuiatetxdm"), Superuser)).Status);
        Assert.Equal(200, (await api.Get(One("demo4", "qzaqccwrmva4o1n"))).Status);
        var count = DataDb.Query(own.DataDir, c => c.ExecuteScalar<long>("SELECT count(*) FROM demo4"));
        Assert.Equal(2, count);
    }
}
