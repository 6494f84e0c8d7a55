namespace Satchel.Data.Migrations;

/// <summary>A migration that failed; the whole run was rolled back.</summary>
public sealed class MigrationException(string message, Exception? inner = null) : Exception(message, inner);
