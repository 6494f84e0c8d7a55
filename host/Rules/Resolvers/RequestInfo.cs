using Satchel.Models;

namespace Satchel.Rules.Resolvers;

/// <summary>
/// The request data rules can read through <c>@request.*</c>. Header names are expected in
/// PocketBase's normalised form (lower case, "-" replaced by "_"; see <see cref="NormalizeHeaderName"/>).
/// Body values may be strings, numbers, booleans, lists, dictionaries or <c>System.Text.Json</c> nodes.
/// </summary>
public sealed class RequestInfo
{
    private static readonly IReadOnlyDictionary<string, string> NoStrings = new Dictionary<string, string>();
    private static readonly IReadOnlyDictionary<string, object?> NoValues = new Dictionary<string, object?>();

    /// <summary>Where the rule is evaluated: one of <see cref="RequestContexts"/>.</summary>
    public string Context { get; init; } = RequestContexts.Default;
    public string Method { get; init; } = "GET";
    public IReadOnlyDictionary<string, string> Headers { get; init; } = NoStrings;
    public IReadOnlyDictionary<string, string> Query { get; init; } = NoStrings;
    public IReadOnlyDictionary<string, object?> Body { get; init; } = NoValues;

    /// <summary>The authenticated record, or null for a guest.</summary>
    public Record? Auth { get; init; }

    public bool IsSuperuser => Auth?.Collection.IsSuperusers == true;

    /// <summary>"X-Token" → "x_token".</summary>
    public static string NormalizeHeaderName(string name) => name.ToLowerInvariant().Replace('-', '_');
}

/// <summary>The values of <c>@request.context</c>.</summary>
public static class RequestContexts
{
    public const string Default = "default";
    public const string OAuth2 = "oauth2";
    public const string Otp = "otp";
    public const string Password = "password";
    public const string Realtime = "realtime";
    public const string ProtectedFile = "protectedFile";
}
