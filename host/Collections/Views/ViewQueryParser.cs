using System.Text;
using System.Text.RegularExpressions;

namespace Satchel.Collections.Views;

/// <summary>A selected column or a source table: its original expression and the name it is known by.</summary>
public sealed record QueryIdentifier(string Original, string Alias);

/// <summary>
/// Loosely reads a view's SELECT: the result columns (expression + alias) and the tables of the
/// FROM and JOIN clauses (name + alias). It is no SQL parser – just enough to map view columns
/// back to collection fields, the way PocketBase does.
/// </summary>
public sealed class ViewQueryParser
{
    private static readonly Regex JoinRegex = new(
        @"\s+(full\s+outer\s+join|left\s+outer\s+join|right\s+outer\s+join|full\s+join|cross\s+join|inner\s+join|outer\s+join|left\s+join|right\s+join|join)\s+?",
        RegexOptions.IgnoreCase | RegexOptions.Multiline);

    private static readonly Regex DiscardRegex = new(@"\s+(where|group\s+by|having|order|limit|with)\s+?",
        RegexOptions.IgnoreCase | RegexOptions.Multiline);

    private static readonly Regex CommentsRegex = new(@"(\/\*[\s\S]*?\*\/)|(--.+$)", RegexOptions.Multiline);

    public List<QueryIdentifier> Columns { get; private set; } = new();
    public List<QueryIdentifier> Tables { get; private set; } = new();

    /// <summary>Throws <see cref="FormatException"/> for unbalanced quotes/parentheses or malformed identifiers.</summary>
    public static ViewQueryParser Parse(string selectQuery)
    {
        var str = selectQuery.Trim().Trim(';');
        str = CommentsRegex.Replace(str, " ");
        str = JoinRegex.Replace(str, " __pb_join__ ");
        str = DiscardRegex.Replace(str, " __pb_discard__ ");

        var skip = false;
        var part = "";
        StringBuilder? active = null;
        var select = new StringBuilder();
        var from = new StringBuilder();
        var join = new StringBuilder();

        foreach (var token in SqlSplitter.Split(str, new[] { ',', ' ', '\n', '\t' }, keepSeparator: true))
        {
            var trimmed = token.Trim().ToLowerInvariant();
            switch (trimmed)
            {
                case "select":
                    skip = false; part = "select"; active = select;
                    break;
                case "distinct":
                    break;
                case "from":
                    skip = false; part = "from"; active = from;
                    break;
                case "__pb_join__":
                    skip = false;
                    if (part == "join") join.Append(',');
                    part = "join"; active = join;
                    break;
                case "__pb_discard__":
                    skip = true;
                    break;
                default:
                    if (part == "join" && trimmed == "on") skip = true;
                    if (!skip && active != null) active.Append(' ').Append(token);
                    break;
            }
        }

        return new ViewQueryParser
        {
            Columns = ExtractIdentifiers(select.ToString()),
            Tables = ExtractIdentifiers(from.ToString()).Concat(ExtractIdentifiers(join.ToString())).ToList(),
        };
    }

    private static List<QueryIdentifier> ExtractIdentifiers(string raw)
        => SqlSplitter.Split(raw, ',').Select(item => FromParts(SqlSplitter.Split(item, ' ', '\n', '\t'))).ToList();

    private static QueryIdentifier FromParts(List<string> parts)
    {
        string original, alias;
        switch (parts.Count)
        {
            case 3:
                if (!parts[1].Equals("as", StringComparison.OrdinalIgnoreCase))
                    throw new FormatException($"invalid identifier part - expected \"as\", got {parts[1]}");
                original = parts[0];
                alias = parts[2];
                break;
            case 2:
                original = parts[0];
                alias = parts[1];
                break;
            case 1:
                original = parts[0];
                alias = parts[0].Split('.')[^1];
                break;
            default:
                throw new FormatException($"invalid identifier parts [{string.Join(" ", parts)}]");
        }
        // A single quote is trimmed from aliases too: SQLite accepts 'x' where an identifier is expected.
        return new QueryIdentifier(TrimIdentifier(original, "`\"[];"), TrimIdentifier(alias, "`\"[];'"));
    }

    private static string TrimIdentifier(string raw, string chars)
        => string.Join(".", raw.Split('.').Select(p => p.Trim(chars.ToCharArray())));
}
