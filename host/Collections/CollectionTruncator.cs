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
        app.Db.Write((conn, tx) =>
        {
            EnsureNoRequiredReferences(conn, tx, collection);
            while (true)
            {
                var batch = app.Records.FindMany(collection, $"SELECT * FROM {Sql.Quote(collection.Name)} LIMIT {BatchSize}", null);
                if (batch.Count == 0) return;
                foreach (var record in batch) app.DeleteRecord(record);
            }
        });
    }

    /// <summary>
    /// A record that must keep a relation to this collection (required, no cascade) would be left
    /// with an empty required value once every target is gone, so the truncate is refused.
    /// </summary>
    private void EnsureNoRequiredReferences(System.Data.IDbConnection conn, System.Data.IDbTransaction tx, Collection collection)
    {
        foreach (var reference in CollectionReferences.To(app.FindAllCollections(), collection, excludeSelf: true))
        {
            if (!reference.Required || reference.CascadeDelete || reference.Collection.IsView) continue;
            var column = Sql.Quote(reference.Field.Name);
            var used = Dapper.SqlMapper.ExecuteScalar<long>(conn,
                $"SELECT count(*) FROM {Sql.Quote(reference.Collection.Name)} WHERE COALESCE({column}, '') NOT IN ('', '[]')", transaction: tx);
            if (used > 0)
                throw new InvalidOperationException($"\"{reference.Collection.Name}.{reference.Field.Name}\" records require a reference to \"{collection.Name}\"");
        }
    }
}
