using System.Text.RegularExpressions;
using Satchel.Models;
using Satchel.Models.Fields;
using Satchel.Rules.Sql;

namespace Satchel.Rules.Resolvers;

/// <summary>
/// Resolves one identifier for a <see cref="RecordFieldResolver"/>, walking its dot separated
/// parts. It builds two things side by side: the LEFT JOINs of the main statement (whose rows
/// give the "any item" semantic) and, once the path crosses a multi-valued step, a
/// <see cref="MultiMatchSubquery"/> listing every value of the path for the "all items" semantic.
/// </summary>
internal sealed class RecordFieldPath
{
    /// <summary>PocketBase's limit on relation hops in one path.</summary>
    public const int MaxNestedRelations = 6;

    private static readonly Regex BackRelation = new(@"^(\w+)_via_(\w+)$", RegexOptions.CultureInvariant);
    private static readonly HashSet<string> PlainAuthFields = ["id", "collectionId", "collectionName", "email", "emailVisibility", "verified"];

    private readonly RecordFieldResolver _resolver;
    private readonly string _identifier;
    private readonly SqlScope _scope;
    private readonly List<SqlJoin> _joins = new();
    private readonly List<SqlConstraint> _constraints = new();

    private string[] _props;
    private Collection _collection;
    private string _alias;
    private readonly bool _nullifyMissing;
    private bool _withMultiMatch;
    private readonly MultiMatchSubquery _multiMatch;
    private string _mmAlias;

    public RecordFieldPath(RecordFieldResolver resolver, string identifier, SqlScope scope)
    {
        _resolver = resolver;
        _identifier = identifier;
        _scope = scope;
        _props = identifier.Split('.');
        _collection = resolver.Collection;
        _alias = resolver.Alias;
        // unknown @request.* keys are NULL rather than errors: request data varies per call
        _nullifyMissing = _props[0] == "@request";
        _multiMatch = new MultiMatchSubquery
        {
            TargetAlias = _alias,
            FromTable = SqlName.Quote(resolver.Table),
            FromAlias = "__mm_" + _alias,
        };
        _mmAlias = _multiMatch.FromAlias;
    }

    private RequestInfo? Request => _resolver.Request;

    public ResolvedOperand Resolve()
    {
        if (_props[0] == "@collection") return ResolveCollectionReference();
        if (_props[0] == "@request") return ResolveRequest();
        return ResolveProps();
    }

    private ResolvedOperand Done(ResolvedOperand result) => result with
    {
        Joins = _joins.Concat(result.Joins).ToList(),
        Constraints = _constraints.Concat(result.Constraints).ToList(),
    };

    // ---------------------------------------------------------------- @collection

    private ResolvedOperand ResolveCollectionReference()
    {
        if (_props.Length < 3) throw new FilterException($"invalid @collection field path \"{_identifier}\"");
        var nameAndAlias = _props[1].Split(':', 2);
        var collection = _resolver.FindCollection(nameAndAlias[0])
                         ?? throw new FilterException($"unknown collection \"{nameAndAlias[0]}\" in \"{_identifier}\"");

        _collection = collection;
        _alias = (nameAndAlias.Length == 2 && nameAndAlias[1] != ""
            ? "__collection_alias_" + SqlName.Clean(nameAndAlias[1])
            : "__collection_" + SqlName.Clean(collection.Name)) + _resolver.JoinAliasSuffix;
        _withMultiMatch = true;

        // no ON: every row of the other collection is a candidate, the comparisons pick
        RegisterJoin(SqlName.Quote(collection.Name), _alias, null, collection);
        _mmAlias = "__mm_" + _alias;
        _multiMatch.Joins.Add(new SqlJoin(SqlName.Quote(collection.Name), _mmAlias, null));

        _props = _props[2..];
        return ResolveProps();
    }

    // ---------------------------------------------------------------- @request

    private ResolvedOperand ResolveRequest()
    {
        if (Request == null) return ResolvedOperand.Null;
        if (_identifier.StartsWith("@request.auth.", StringComparison.Ordinal)) return ResolveAuth();

        if (_identifier.StartsWith("@request.body.", StringComparison.Ordinal) && _props.Length > 2)
        {
            var (name, modifier) = SplitModifier(_props[2]);
            var bodyField = _resolver.Collection.Fields.ByName(name);
            if (bodyField != null)
            {
                if (bodyField is RelationField rel && _props.Length > 3) return ResolveBodyRelation(rel);
                if (_props.Length == 3)
                {
                    switch (modifier)
                    {
                        case "each": return ResolveBodyEach(bodyField);
                        case "length": return ResolveBodyLength(bodyField);
                        case "lower": return ResolveBodyLower(bodyField);
                        case "changed": return ResolveBodyChanged(bodyField);
                    }
                }
            }
        }
        return ResolveStaticRequestValue(_props[1..]);
    }

    private ResolvedOperand ResolveAuth()
    {
        var auth = Request?.Auth;
        if (auth == null) return ResolvedOperand.Null;
        if (_props.Length == 3 && PlainAuthFields.Contains(_props[2])) return ResolveStaticRequestValue(_props[1..]);

        _collection = auth.Collection;
        _alias = "__auth_" + SqlName.Clean(_collection.Name) + _resolver.JoinAliasSuffix;
        var authId = _scope.Parameter(auth.Id);
        RegisterJoin(SqlName.Quote(_collection.Name), _alias, $"{SqlName.Column(_alias, "id")} = {authId.Sql}", _collection, authId.Parameters);

        _mmAlias = "__mm_" + _alias;
        var mmAuthId = _scope.Parameter(auth.Id);
        _multiMatch.Joins.Add(new SqlJoin(SqlName.Quote(_collection.Name), _mmAlias, $"{SqlName.Column(_mmAlias, "id")} = {mmAuthId.Sql}", mmAuthId.Parameters));

        _props = _props[2..];
        return ResolveProps();
    }

    /// <summary>A request value as a parameter (or NULL / TRUE / FALSE literal).</summary>
    private ResolvedOperand ResolveStaticRequestValue(string[] path)
    {
        var (last, modifier) = SplitModifier(path[^1]);
        path = [.. path[..^1], last];

        var found = RequestValues.TryExtract(RequestRoot(), path, out var raw);
        if (modifier == "isset") return ResolvedOperand.Raw(found ? "TRUE" : "FALSE");
        if (modifier != "" && modifier != "lower")
            throw new FilterException($"invalid modifier sequence {last}:{modifier}");

        var value = RequestValues.ToPlain(raw);
        // form-data sends numbers as text: compare them as numbers for number fields
        if (value is string s && _resolver.Collection.Fields.ByName(last)?.Type == "number"
            && double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d))
            value = d;

        if (value == null) return ResolvedOperand.Null;
        var p = _scope.Parameter(value);
        return ResolvedOperand.FromFragment(modifier == "lower" ? p with { Sql = $"LOWER({p.Sql})" } : p);
    }

    private Dictionary<string, object?> RequestRoot()
    {
        var r = Request!;
        Dictionary<string, object?>? auth = null;
        if (r.Auth is { } a)
        {
            auth = new Dictionary<string, object?>
            {
                ["id"] = a.Id,
                ["collectionId"] = a.Collection.Id,
                ["collectionName"] = a.Collection.Name,
            };
            foreach (var f in new[] { "email", "emailVisibility", "verified" })
                if (a.Collection.Fields.ByName(f) != null) auth[f] = a.Get(f);
        }
        return new Dictionary<string, object?>
        {
            ["context"] = r.Context,
            ["method"] = r.Method,
            ["headers"] = r.Headers,
            ["query"] = r.Query,
            ["body"] = r.Body,
            ["auth"] = auth,
        };
    }

    private object? BodyValue(Field field) => Request!.Body.TryGetValue(field.Name, out var v) ? v : null;

    private ResolvedOperand ResolveBodyLower(Field field)
    {
        var text = RequestValues.ToPlain(BodyValue(field)) switch
        {
            null => "",
            string s => s,
            bool b => b ? "true" : "false",
            var o => Convert.ToString(o, System.Globalization.CultureInfo.InvariantCulture) ?? "",
        };
        var p = _scope.Parameter(text);
        return ResolvedOperand.FromFragment(p with { Sql = $"LOWER({p.Sql})" });
    }

    private ResolvedOperand ResolveBodyLength(Field field)
    {
        if (field is not IMultiValued) throw new FilterException($"field \"{field.Name}\" doesn't support multivalue operations");
        return ResolvedOperand.Raw(RequestValues.ToList(BodyValue(field)).Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private ResolvedOperand ResolveBodyEach(Field field)
    {
        if (field is not IMultiValued multi) throw new FilterException($"field \"{field.Name}\" doesn't support multivalue operations");
        var json = RequestValues.ToJsonArray(RequestValues.ToList(BodyValue(field)));

        var p = _scope.Parameter(json);
        var jeAlias = "__dataEach_je_" + SqlName.Clean(field.Name) + _resolver.JoinAliasSuffix;
        RegisterJoin($"json_each({p.Sql})", jeAlias, null, null, p.Parameters);
        var result = new ResolvedOperand { Sql = SqlName.Column(jeAlias, "value") };

        if (multi.IsMultiple) _withMultiMatch = true;
        if (_withMultiMatch)
        {
            var p2 = _scope.Parameter(json);
            var jeAlias2 = "__mm_" + jeAlias;
            _multiMatch.Joins.Add(new SqlJoin($"json_each({p2.Sql})", jeAlias2, null, p2.Parameters));
            _multiMatch.ValueSql = SqlName.Column(jeAlias2, "value");
            result = result with { MultiMatch = _multiMatch };
        }
        return Done(result);
    }

    /// <summary>
    /// <c>@request.body.x:changed</c> is shorthand for
    /// <c>(@request.body.x:isset = true &amp;&amp; @request.body.x != x)</c>.
    /// </summary>
    private ResolvedOperand ResolveBodyChanged(Field field)
    {
        var expansion = new FilterCompiler(_resolver, _scope)
            .Compile($"@request.body.{field.Name}:isset = true && @request.body.{field.Name} != {field.Name}", FilterLimits.Rule);
        var placeholder = $"__changed_{SqlName.Clean(field.Name)}_{_scope.NewAliasSuffix()}__";
        return new ResolvedOperand
        {
            Sql = placeholder,
            NullFallback = NullFallback.Disabled,
            AfterBuild = f => new SqlFragment(f.Sql.Replace(placeholder, expansion.Where.Sql),
                SqlFragment.Merge(f.Parameters, expansion.Where.Parameters)),
            Joins = expansion.Joins,
            Constraints = expansion.Constraints,
        };
    }

    /// <summary><c>@request.body.rel.field</c>: joins the records whose ids were submitted.</summary>
    private ResolvedOperand ResolveBodyRelation(RelationField rel)
    {
        var relCollection = _resolver.FindCollection(rel.CollectionId)
                            ?? throw new FilterException($"unknown collection of relation field \"{rel.Name}\"");
        var ids = RequestValues.ToUniqueStrings(Request!.Body.TryGetValue(rel.Name, out var v) ? v : null);
        if (ids.Count == 0) return ResolvedOperand.Null;

        _collection = relCollection;
        _alias = SqlName.Clean("__data_" + relCollection.Name + "_" + rel.Name) + _resolver.JoinAliasSuffix;
        var inList = ids.Select(id => _scope.Parameter(id)).ToList();
        RegisterJoin(SqlName.Quote(relCollection.Name), _alias,
            $"{SqlName.Column(_alias, "id")} IN ({string.Join(", ", inList.Select(p => p.Sql))})",
            relCollection, SqlFragment.Merge(inList.Select(p => p.Parameters).ToArray()));

        if (rel.IsMultiple) _withMultiMatch = true;

        _mmAlias = "__mm_" + _alias;
        var mmList = ids.Select(id => _scope.Parameter(id)).ToList();
        _multiMatch.Joins.Add(new SqlJoin(SqlName.Quote(relCollection.Name), _mmAlias,
            $"{SqlName.Column(_mmAlias, "id")} IN ({string.Join(", ", mmList.Select(p => p.Sql))})",
            SqlFragment.Merge(mmList.Select(p => p.Parameters).ToArray())));

        _props = _props[3..];
        return ResolveProps();
    }

    // ---------------------------------------------------------------- field paths

    private ResolvedOperand ResolveProps()
    {
        for (var i = 0; i < _props.Length; i++)
        {
            var prop = _props[i];
            if (i == _props.Length - 1) return Done(Finalize(prop));

            var field = _collection.Fields.ByName(prop);
            if (field != null && field.Hidden && !_resolver.AllowHiddenFields)
                throw new FilterException($"non-filterable field \"{prop}\"");

            // the rest of the path is a JSON path inside the value
            if (field is { Type: "json" or "geoPoint" })
                return Done(JsonPath(field, _props[(i + 1)..]));

            if (i >= RecordFieldPath.MaxNestedRelations)
                throw new FilterException($"max nested relations reached for field \"{prop}\"");

            if (field == null)
            {
                if (!JoinBackRelation(prop)) return ResolvedOperand.Null;
                continue;
            }

            if (field is not RelationField rel)
                throw new FilterException($"field \"{prop}\" is not a valid relation");

            var relCollection = _resolver.FindCollection(rel.CollectionId)
                                ?? throw new FilterException($"failed to load the collection of field \"{prop}\"");

            // "author.id" is the author column itself: no join needed
            if (!rel.IsMultiple && i == _props.Length - 2 && _props[i + 1] == "id")
                return Done(Finalize(rel.Name));

            JoinRelation(rel, relCollection);
        }
        throw new FilterException($"failed to resolve field \"{_identifier}\"");
    }

    private void JoinRelation(RelationField rel, Collection relCollection)
    {
        var col = SqlName.Clean(rel.Name);
        var source = SqlName.Column(_alias, rel.Name);
        var newAlias = _alias + "_" + col + _resolver.JoinAliasSuffix;
        if (!rel.IsMultiple)
        {
            RegisterJoin(SqlName.Quote(relCollection.Name), newAlias, $"{SqlName.Column(newAlias, "id")} = {source}", relCollection);
        }
        else
        {
            var jeAlias = "__je_" + newAlias;
            RegisterJoin(JsonSql.Each(source), jeAlias, null, null);
            RegisterJoin(SqlName.Quote(relCollection.Name), newAlias, $"{SqlName.Column(newAlias, "id")} = {SqlName.Column(jeAlias, "value")}", relCollection);
        }
        _collection = relCollection;
        _alias = newAlias;

        if (rel.IsMultiple) _withMultiMatch = true;
        var mmSource = SqlName.Column(_mmAlias, rel.Name);
        var mmAlias = _mmAlias + "_" + col;
        if (!rel.IsMultiple)
        {
            _multiMatch.Joins.Add(new SqlJoin(SqlName.Quote(relCollection.Name), mmAlias, $"{SqlName.Column(mmAlias, "id")} = {mmSource}"));
        }
        else
        {
            var jeAlias = _mmAlias + "_" + col + "_je";
            _multiMatch.Joins.Add(new SqlJoin(JsonSql.Each(mmSource), jeAlias, null));
            _multiMatch.Joins.Add(new SqlJoin(SqlName.Quote(relCollection.Name), mmAlias, $"{SqlName.Column(mmAlias, "id")} = {SqlName.Column(jeAlias, "value")}"));
        }
        _mmAlias = mmAlias;
    }

    /// <summary>
    /// <c>otherCollection_via_relField</c>: the records of another collection whose relation field
    /// points at the current one. Returns false when the path should resolve to NULL.
    /// </summary>
    private bool JoinBackRelation(string prop)
    {
        var m = BackRelation.Match(prop);
        if (!m.Success) return Missing($"unknown field \"{prop}\"");

        var backCollection = _resolver.FindCollection(m.Groups[1].Value);
        if (backCollection == null) return Missing($"unknown back relation collection \"{m.Groups[1].Value}\"");

        var backField = backCollection.Fields.ByName(m.Groups[2].Value);
        if (backField == null) return Missing($"missing back relation field \"{m.Groups[2].Value}\"");
        if (backField is not RelationField backRel) return Missing($"invalid back relation field \"{m.Groups[2].Value}\"");
        if (backRel.Hidden && !_resolver.AllowHiddenFields)
            throw new FilterException($"non-filterable back relation field \"{backRel.Name}\"");
        if (backRel.CollectionId != _collection.Id)
            return Missing($"invalid collection reference of back relation field \"{backRel.Name}\"");

        var newAlias = _alias + "_" + SqlName.Clean(prop) + _resolver.JoinAliasSuffix;
        if (!backRel.IsMultiple)
        {
            RegisterJoin(SqlName.Quote(backCollection.Name), newAlias,
                $"{SqlName.Column(newAlias, backRel.Name)} = {SqlName.Column(_alias, "id")}", backCollection);
        }
        else
        {
            var je = "__je_" + newAlias;
            RegisterJoin(SqlName.Quote(backCollection.Name), newAlias,
                $"{SqlName.Column(_alias, "id")} IN (SELECT {SqlName.Column(je, "value")} FROM {JsonSql.Each(SqlName.Column(newAlias, backRel.Name))} {SqlName.Quote(je)})",
                backCollection);
        }

        if (backRel.IsMultiple) _withMultiMatch = true;
        // a single relation is one-to-many unless a unique index makes it one-to-one
        else if (!_withMultiMatch) _withMultiMatch = !UniqueIndexes.HasSingleColumnUnique(backCollection.Indexes, backRel.Name);

        var mmAlias = _mmAlias + "_" + SqlName.Clean(prop) + _resolver.JoinAliasSuffix;
        if (!backRel.IsMultiple)
        {
            _multiMatch.Joins.Add(new SqlJoin(SqlName.Quote(backCollection.Name), mmAlias,
                $"{SqlName.Column(mmAlias, backRel.Name)} = {SqlName.Column(_mmAlias, "id")}"));
        }
        else
        {
            var je = "__je_" + mmAlias;
            _multiMatch.Joins.Add(new SqlJoin(SqlName.Quote(backCollection.Name), mmAlias,
                $"{SqlName.Column(_mmAlias, "id")} IN (SELECT {SqlName.Column(je, "value")} FROM {JsonSql.Each(SqlName.Column(mmAlias, backRel.Name))} {SqlName.Quote(je)})"));
        }

        _collection = backCollection;
        _alias = newAlias;
        _mmAlias = mmAlias;
        return true;
    }

    private bool Missing(string message) => _nullifyMissing ? false : throw new FilterException(message);

    private ResolvedOperand JsonPath(Field field, string[] rest)
    {
        var path = new System.Text.StringBuilder();
        for (var j = 0; j < rest.Length; j++)
        {
            var p = SqlName.Clean(rest[j]);
            if (int.TryParse(rest[j], out _)) path.Append('[').Append(p).Append(']');
            else
            {
                if (j > 0) path.Append('.');
                path.Append(p);
            }
        }
        var result = new ResolvedOperand
        {
            Sql = JsonSql.Extract(SqlName.Column(_alias, field.Name), path.ToString()),
            NullFallback = NullFallback.Disabled,
        };
        if (_withMultiMatch)
        {
            _multiMatch.ValueSql = JsonSql.Extract(SqlName.Column(_mmAlias, field.Name), path.ToString());
            result = result with { MultiMatch = _multiMatch };
        }
        return result;
    }

    private ResolvedOperand Finalize(string prop)
    {
        var (name, modifier) = SplitModifier(prop);
        var field = _collection.Fields.ByName(name);
        var column = field?.Name ?? (name == "id" ? "id" : null);
        if (column == null)
        {
            if (_nullifyMissing) return ResolvedOperand.Null;
            throw new FilterException($"unknown field \"{name}\"");
        }
        if (field is { Hidden: true } && !_resolver.AllowHiddenFields)
            throw new FilterException($"non-filterable field \"{name}\"");

        var sourceSql = SqlName.Column(_alias, column);
        var mmSourceSql = SqlName.Column(_mmAlias, column);

        if (modifier == "length" && field is IMultiValued)
        {
            var r = new ResolvedOperand { Sql = JsonSql.ArrayLength(sourceSql) };
            if (_withMultiMatch)
            {
                _multiMatch.ValueSql = JsonSql.ArrayLength(mmSourceSql);
                r = r with { MultiMatch = _multiMatch };
            }
            return r;
        }

        if (modifier == "each" && field is IMultiValued multi)
        {
            var jeAlias = "__je_" + _alias + "_" + SqlName.Clean(column) + _resolver.JoinAliasSuffix;
            RegisterJoin(JsonSql.Each(sourceSql), jeAlias, null, null);
            var r = new ResolvedOperand { Sql = SqlName.Column(jeAlias, "value") };
            if (multi.IsMultiple) _withMultiMatch = true;
            if (_withMultiMatch)
            {
                var jeAlias2 = "__je_" + _mmAlias + "_" + SqlName.Clean(column) + _resolver.JoinAliasSuffix;
                _multiMatch.Joins.Add(new SqlJoin(JsonSql.Each(mmSourceSql), jeAlias2, null));
                _multiMatch.ValueSql = SqlName.Column(jeAlias2, "value");
                r = r with { MultiMatch = _multiMatch };
            }
            return r;
        }

        var result = new ResolvedOperand { Sql = sourceSql };
        if (_withMultiMatch) _multiMatch.ValueSql = mmSourceSql;

        // only auth records that show their email can be matched by it
        if (column == "email" && !_resolver.AllowHiddenFields && _collection.IsAuth)
        {
            var visibility = SqlName.Column(_alias, "emailVisibility");
            result = result with { AfterBuild = f => f with { Sql = $"({f.Sql} AND {visibility} = TRUE)" } };
        }

        // JSON values are compared as their SQL value (a stored "1" equals 1)
        if (field?.Type == "json")
        {
            result = result with { Sql = JsonSql.Extract(sourceSql, ""), NullFallback = NullFallback.Disabled };
            if (_withMultiMatch) _multiMatch.ValueSql = JsonSql.Extract(mmSourceSql, "");
        }

        if (modifier == "lower")
        {
            result = result with { Sql = $"LOWER({result.Sql})" };
            if (_withMultiMatch) _multiMatch.ValueSql = $"LOWER({_multiMatch.ValueSql})";
        }

        return _withMultiMatch ? result with { MultiMatch = _multiMatch } : result;
    }

    private static (string Name, string Modifier) SplitModifier(string prop)
    {
        var parts = prop.Split(':');
        if (parts.Length != 2) return (prop, "");
        return parts[1] is "isset" or "each" or "length" or "lower" or "changed"
            ? (parts[0], parts[1])
            : throw new FilterException($"unknown modifier in \"{prop}\"");
    }

    /// <summary>
    /// Adds a LEFT JOIN. For a non-superuser's filter a joined collection must be listable: a
    /// locked listRule refuses the filter, a non-empty one becomes a constraint on the statement.
    /// </summary>
    private void RegisterJoin(string table, string alias, string? on, Collection? collection, IReadOnlyDictionary<string, object?>? parameters = null)
    {
        _joins.Add(new SqlJoin(table, alias, on, parameters));
        if (_resolver.AllowHiddenFields || collection == null) return;

        if (collection.ListRule == null)
            throw new FilterException($"\"{collection.Name}\" fields can be accessed only by superusers");
        if (collection.ListRule == "") return;

        // "id = ''" keeps rows whose relation is empty: the rule only restricts joined records
        var nested = _resolver.ForJoinedCollection(collection, alias, _scope);
        var rule = new FilterCompiler(nested, _scope).Compile("id='' || (\n" + collection.ListRule + "\n)", FilterLimits.Rule);
        _constraints.Add(new SqlConstraint("listRule:" + alias, rule.Where, rule.Joins));
    }
}
