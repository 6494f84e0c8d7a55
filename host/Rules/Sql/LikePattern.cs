using System.Text;

namespace Satchel.Rules.Sql;

/// <summary>
/// The "~" operators' value handling: a value without an unescaped "%" is a "contains" search,
/// so its LIKE special characters (\, %, _) are escaped and it is wrapped in "%…%"; a value with
/// an unescaped "%" is used as the pattern itself. Patterns use <c>ESCAPE '\'</c>.
/// </summary>
public static class LikePattern
{
    public static string ForValue(string value)
        => ContainsUnescaped(value, '%') ? value : "%" + Escape(value) + "%";

    /// <summary>True when <paramref name="ch"/> occurs without a (single) backslash before it.</summary>
    public static bool ContainsUnescaped(string value, char ch)
    {
        var prev = '\0';
        foreach (var c in value)
        {
            if (c == ch && prev != '\\') return true;
            // a double backslash is an escaped backslash: it does not escape what follows
            prev = c == '\\' && prev == '\\' ? '\0' : c;
        }
        return false;
    }

    /// <summary>Escapes \, % and _ with a backslash, leaving already escaped ones alone.</summary>
    public static string Escape(string value)
    {
        var sb = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\\' && i + 1 < value.Length && value[i + 1] is '\\' or '%' or '_')
            {
                sb.Append(c).Append(value[i + 1]);
                i++;
                continue;
            }
            if (c is '\\' or '%' or '_') sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }
}
