namespace Satchel.Data;

/// <summary>
/// Implemented by a plugin class (the one implementing <c>IPlugin</c>) that brings its own
/// migrations. The host adds them to its system migrations: `serve` and `migrate up` apply the
/// pending ones, `migrate down` reverts them, `migrate history-sync` keeps their history.
/// </summary>
public interface IMigrationSource
{
    IEnumerable<Migration> Migrations { get; }
}
