namespace Satchel.Settings;

/// <summary>The stored settings can't be opened (wrong or missing encryption key, damaged value); serve stops with its message.</summary>
public sealed class SettingsLoadException(string message, Exception? inner = null) : Exception(message, inner);
