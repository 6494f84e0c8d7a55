using System.Text.RegularExpressions;
using Satchel.Models;
using Satchel.Rules.Sql;

namespace Satchel.Rules.Resolvers;

/// <summary>
/// Resolves the identifiers of filters, sorts and API rules over the records of a collection:
/// <list type="bullet">
/// <item>fields, with the <c>:length</c>, <c>:each</c> and <c>:lower</c> modifiers, and JSON/geoPoint sub-paths;</item>
/// <item>relation paths up to 6 levels (<c>author.organization.name</c>) and back-relations (<c>comments_via_post.text</c>) as LEFT JOINs;</item>
/// <item><c>@collection.name[:alias].field</c> joins;</item>
/// <item><c>@request.context|method|headers.*|query.*|body.*|auth.*</c> as parameters (a guest's <c>@request.auth.*</c> is NULL),
/// with <c>:isset</c>, <c>:length</c>, <c>:each</c>, <c>:lower</c> and <c>:changed</c> on body fields.</item>
/// </list>
/// Without <see cref="AllowHiddenFields"/> (a non-superuser's own filter) hidden fields are refused,
/// collections whose listRule is locked cannot be joined, joined collections add their listRule as a
/// constraint, and auth emails only match where emailVisibility is on.
/// </summary>
public sealed class RecordFieldResolver : IFieldResolver
{
    private static readonly Regex[] AllowedIdentifiers =
    [
        new(@"^\w+[\w.:]*$", RegexOptions.CultureInvariant),
        new(@"^@request\.context$", RegexOptions.CultureInvariant),
        new(@"^@request\.method$", RegexOptions.CultureInvariant),
        new(@"^@request\.auth\.[\w.:]*\w+$", RegexOptions.CultureInvariant),
        new(@"^@request\.body\.[\w.:]*\w+$", RegexOptions.CultureInvariant),
        new(@"^@request\.query\.[\w.:]*\w+$", RegexOptions.CultureInvariant),
        new(@"^@request\.headers\.[\w.:]*\w+$", RegexOptions.CultureInvariant),
        new(@"^@collection\.\w+(:\w+)?\.[\w.:]*\w+$", RegexOptions.CultureInvariant),
    ];

    private readonly Func<string, Collection?> _findCollection;

    /// <param name="collection">The collection whose records are searched.</param>
    /// <param name="findCollection">Looks a collection up by name or id (for relations and <c>@collection</c>).</param>
    /// <param name="request">The request data for <c>@request.*</c>; null resolves them all to NULL.</param>
    /// <param name="allowHiddenFields">True for rules and superusers; false for a non-superuser's own filter and sort.</param>
    /// <param name="table">The table read for the collection's records (default: the collection name) – e.g. a CTE
    /// holding a record that is not stored yet, for a create rule.</param>
    public RecordFieldResolver(Collection collection, Func<string, Collection?> findCollection, RequestInfo? request, bool allowHiddenFields, string? table = null)
    {
        Collection = collection;
        _findCollection = findCollection;
        Request = request;
        AllowHiddenFields = allowHiddenFields;
        Table = table ?? collection.Name;
        Alias = Table;
    }

    public Collection Collection { get; }
    public RequestInfo? Request { get; }

    /// <summary>Whether hidden fields and collections with a locked listRule may be used.</summary>
    public bool AllowHiddenFields { get; set; }

    /// <summary>The table the base records are read from.</summary>
    public string Table { get; }

    /// <summary>The alias the base table has in the statement.</summary>
    public string Alias { get; private init; }

    /// <summary>Appended to join aliases so a nested resolver's joins never clash with the outer ones.</summary>
    internal string JoinAliasSuffix { get; private init; } = "";

    public ResolvedOperand Resolve(string identifier, SqlScope scope)
    {
        if (!AllowedIdentifiers.Any(r => r.IsMatch(identifier)))
            throw new FilterException($"unknown field \"{identifier}\"");
        return new RecordFieldPath(this, identifier, scope).Resolve();
    }

    /// <summary>The base collection by its name or id, else a lookup.</summary>
    internal Collection? FindCollection(string nameOrId)
        => nameOrId == Collection.Name || nameOrId == Collection.Id ? Collection : _findCollection(nameOrId);

    /// <summary>
    /// A resolver for a joined collection, used to compile that collection's listRule against the
    /// join alias: hidden fields allowed (the rule is trusted) and its own alias suffix.
    /// </summary>
    internal RecordFieldResolver ForJoinedCollection(Collection collection, string alias, SqlScope scope)
        => new(collection, _findCollection, Request, allowHiddenFields: true, table: collection.Name)
        {
            Alias = alias,
            JoinAliasSuffix = "_r" + scope.NewAliasSuffix(),
        };
}
