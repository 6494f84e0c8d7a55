using Satchel.Core;
using Satchel.Data;
using Satchel.Models;

namespace Satchel.Collections;

/// <summary>
/// Deletes every record of a collection in one transaction, through the normal record delete so
/// that files are removed and relations cascade (or block, for required references).
/// </summary>
public sealed class CollectionTruncator(SatchelApp app)
{
    private const int BatchSize = 500;

    public void Truncate(Collection collection)
    {
        if (collection.IsView) throw new InvalidOperationException("view collections cannot be truncated since they don't store their own records");
        app.Db.Write((_, _) =>
        {
            while (true)
            {
                var batch = app.Records.FindMany(collection, $"SELECT * FROM {Sql.Quote(collection.Name)} LIMIT {BatchSize}", null);
                if (batch.Count == 0) return;
                foreach (var record in batch) app.DeleteRecord(record);
            }
        });
    }
}
