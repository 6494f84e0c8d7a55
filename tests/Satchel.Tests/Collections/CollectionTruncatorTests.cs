using Dapper;
using Satchel.Collections;
using Satchel.Tests.Support;

namespace Satchel.Tests.Collections;

public class CollectionTruncatorTests
{
    [Fact]
    public void Refuses_when_records_of_another_collection_require_a_reference()
    {
        using var t = TestApp.Fixture();
        // demo4 has required, non-cascading relations to demo3 that are in use
        var demo3 = t.App.FindCollectionByNameOrId("demo3")!;
        var before = t.App.Db.Read(c => c.ExecuteScalar<long>("SELECT count(*) FROM demo3"));
        Assert.Throws<InvalidOperationException>(() => new CollectionTruncator(t.App).Truncate(demo3));
        Assert.Equal(before, t.App.Db.Read(c => c.ExecuteScalar<long>("SELECT count(*) FROM demo3")));
    }

    [Fact]
    public void Deletes_every_record_of_an_unreferenced_collection()
    {
        using var t = TestApp.Fixture();
        var demo5 = t.App.FindCollectionByNameOrId("demo5")!;
        Assert.True(t.App.Db.Read(c => c.ExecuteScalar<long>("SELECT count(*) FROM demo5")) > 0);
        new CollectionTruncator(t.App).Truncate(demo5);
        Assert.Equal(0, t.App.Db.Read(c => c.ExecuteScalar<long>("SELECT count(*) FROM demo5")));
    }
}
