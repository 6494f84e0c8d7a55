namespace Satchel.Data;

/// <summary>
/// One schema or data change, identified by its file name (e.g. "1700000000_add_posts.cs").
/// Migrations run in file-name order; the applied ones are recorded in data.db's <c>_migrations</c>
/// table, as PocketBase does, so a name must never change once released.
/// </summary>
/// <param name="File">Unique name; sorts the migrations (prefix it with a unix timestamp).</param>
/// <param name="Up">Applies the change. Runs inside a data.db and an auxiliary.db transaction.</param>
/// <param name="Down">Reverts it; null when there is nothing to undo (reverting then only forgets that it ran).</param>
public sealed record Migration(string File, Action<IApp> Up, Action<IApp>? Down = null);
