namespace Satchel.Models;

/// <summary>
/// A collection as stored in <c>_collections</c>: the common columns plus the type specific
/// options (auth settings for auth collections, the query for view collections).
/// </summary>
public sealed class Collection
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Type { get; set; } = CollectionType.Base;
    public bool System { get; set; }
    public FieldList Fields { get; set; } = new();
    public List<string> Indexes { get; set; } = new();
    public string? ListRule { get; set; }
    public string? ViewRule { get; set; }
    public string? CreateRule { get; set; }
    public string? UpdateRule { get; set; }
    public string? DeleteRule { get; set; }
    /// <summary>Stored as "2006-01-02 15:04:05.000Z".</summary>
    public string Created { get; set; } = "";
    public string Updated { get; set; } = "";

    /// <summary>View collections only.</summary>
    public string ViewQuery { get; set; } = "";

    /// <summary>Auth collections only (null for the other types).</summary>
    public AuthOptions? Auth { get; set; }

    public bool IsBase => Type == CollectionType.Base;
    public bool IsAuth => Type == CollectionType.Auth;
    public bool IsView => Type == CollectionType.View;

    /// <summary>True for the superusers collection.</summary>
    public bool IsSuperusers => Name == SystemCollections.Superusers;

    public Collection Clone() => CollectionCloner.Clone(this);
}

public static class SystemCollections
{
    public const string Superusers = "_superusers";
    public const string ExternalAuths = "_externalAuths";
    public const string Mfas = "_mfas";
    public const string Otps = "_otps";
    public const string AuthOrigins = "_authOrigins";
}
