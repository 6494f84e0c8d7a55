using System.Text;

namespace Satchel.Tests.Rules;

/// <summary>Random filter strings: token soup (mostly invalid) and grammar-shaped expressions (mostly valid).</summary>
internal sealed class FilterFuzz
{
    private static readonly string[] Operators = ["=", "!=", ">", ">=", "<", "<=", "~", "!~", "?=", "?!=", "?>", "?>=", "?<", "?<=", "?~", "?!~"];
    private static readonly string[] Macros = ["@now", "@second", "@minute", "@hour", "@weekday", "@day", "@month", "@year", "@yesterday", "@tomorrow", "@todayStart", "@todayEnd", "@monthStart", "@monthEnd", "@yearStart", "@yearEnd"];
    private static readonly string[] Soup =
    [
        "(", ")", "((", "))", "&&", "||", "&", "|", "=", "!=", "?=", "~", "!~", "?!~", ">=", "<", "==", "=!", "?",
        "'", "\"", "'text'", "\"te\\\"xt\"", "'%_\\'", "''", "1", "-1", "2.5", "-", ".", "1.", ".5", "1.2.3",
        "null", "true", "false", "NULL", "@", "@request", "@request.auth.id", "@request.body.x:isset", "@collection",
        "@collection.x.y", "#", "_", "a.", "a:", "a:b", ":lower", ":each", "// c\n", "/", "\n", "\t", " ", " ", " ",
        ",", "f(", "geoDistance(", "strftime(", "{:p}", "{:", "}", "{", "$", "ñ", "\\", "\0", "@now", "x", "id",
    ];

    private readonly Random _random;
    private readonly string[] _identifiers;

    public FilterFuzz(int seed, string[] identifiers)
    {
        _random = new Random(seed);
        _identifiers = identifiers;
    }

    public string Next() => _random.Next(3) == 0 ? TokenSoup() : Expression(0);

    private string TokenSoup()
    {
        var sb = new StringBuilder();
        var n = _random.Next(1, 14);
        for (var i = 0; i < n; i++)
        {
            sb.Append(_random.Next(4) switch
            {
                0 => Pick(_identifiers),
                1 => Pick(Operators),
                _ => Pick(Soup),
            });
            if (_random.Next(3) == 0) sb.Append(' ');
        }
        return sb.ToString();
    }

    private string Expression(int depth)
    {
        var roll = _random.Next(10);
        if (depth < 4 && roll < 2) return $"({Expression(depth + 1)})";
        if (depth < 4 && roll < 5)
            return Expression(depth + 1) + (_random.Next(2) == 0 ? " && " : " || ") + Expression(depth + 1)
                   + (_random.Next(8) == 0 ? " // note\n" : "");
        return $"{Operand(0)} {Pick(Operators)} {Operand(0)}";
    }

    private string Operand(int fnDepth)
    {
        switch (_random.Next(12))
        {
            case 0: return "'" + RandomText() + "'";
            case 1: return "\"" + RandomText().Replace("\"", "\\\"") + "\"";
            case 2: return (_random.NextDouble() * 200 - 100).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
            case 3: return Pick(["null", "true", "false", "''"]);
            case 4: return Pick(Macros);
            case 5 when fnDepth < 2:
                return _random.Next(2) == 0
                    ? $"geoDistance({Operand(fnDepth + 1)}, {Operand(fnDepth + 1)}, {_random.Next(-90, 90)}, {_random.Next(-90, 90)})"
                    : $"strftime('{Pick(["%Y", "%m-%d", "%H:%M", "%s"])}'{(_random.Next(2) == 0 ? ", " + Operand(fnDepth + 1) : "")}{(_random.Next(3) == 0 ? ", 'start of day'" : "")})";
            default: return Pick(_identifiers);
        }
    }

    private string RandomText()
    {
        var chars = "ab_%\\'\" 1xé-".ToCharArray();
        var n = _random.Next(0, 8);
        var sb = new StringBuilder();
        for (var i = 0; i < n; i++) sb.Append(chars[_random.Next(chars.Length)]);
        var s = sb.ToString();
        return s.TrimEnd('\\');
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];
}
