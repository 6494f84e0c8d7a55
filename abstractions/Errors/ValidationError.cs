namespace Satchel.Errors;

/// <summary>One field's error: PocketBase's {"code","message"} (with optional template params).</summary>
public sealed record ValidationError(string Code, string Message, IReadOnlyDictionary<string, object?>? Params = null);
