using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Satchel.Tests.Records;

/// <summary>Random sort expressions and record bodies for the records API fuzz test (seeded, so runs repeat).</summary>
internal sealed class RecordApiFuzz(int seed)
{
    private static readonly string[] SortSoup = ["@random", "@rowid", "-", "+", ",", " ", "..", ".", ":", ":lower", "(", ")", "'x'", "1", "@request.auth.id", "@collection.demo2.title", "ñ", "_via_", "\t"];
    private static readonly string[] KeySoup = ["id", "expand", "password", "passwordConfirm", "oldPassword", "emailVisibility", "verified", "tokenKey", "created", "updated", "collectionId", "@jsonPayload", "", " ", "+", "-", ":autogenerate", "x+", "+x", "ñ"];

    private readonly Random _random = new(seed);

    public string Sort(string[] identifiers)
    {
        var sb = new StringBuilder();
        var n = _random.Next(1, 4);
        for (var i = 0; i < n; i++)
        {
            if (i > 0) sb.Append(_random.Next(10) == 0 ? ",," : ",");
            if (_random.Next(3) == 0) sb.Append(_random.Next(2) == 0 ? '-' : '+');
            sb.Append(_random.Next(4) == 0 ? Pick(SortSoup) : Pick(identifiers));
            if (_random.Next(6) == 0) sb.Append(Pick(SortSoup));
        }
        return sb.ToString();
    }

    /// <summary>A JSON object body (occasionally broken JSON text) with keys drawn from the fields, their modifiers and junk.</summary>
    public string Body(string[] fields)
    {
        var body = new JsonObject();
        var n = _random.Next(0, 7);
        for (var i = 0; i < n; i++)
        {
            var key = _random.Next(5) switch
            {
                0 => Pick(KeySoup),
                1 => Pick(fields) + Pick(["+", "-", ":autogenerate", ":each", ""]),
                2 => "+" + Pick(fields),
                _ => Pick(fields),
            };
            body[key] = Value(0);
        }
        var text = body.ToJsonString();
        return _random.Next(25) == 0 ? text[..Math.Max(0, text.Length - _random.Next(1, 4))] : text;
    }

    public string Expand(string[] identifiers) => _random.Next(4) switch
    {
        0 => "",
        1 => Pick(identifiers),
        2 => Pick(identifiers) + "." + Pick(identifiers) + "," + Pick(SortSoup),
        _ => string.Join(',', Enumerable.Range(0, _random.Next(1, 4)).Select(_ => Pick(identifiers))),
    };

    public string Fields() => _random.Next(3) switch
    {
        0 => "",
        1 => "*,title:excerpt(" + _random.Next(-3, 20) + "," + Pick(["true", "false", "x", ""]) + ")",
        _ => Pick(["id", "*", "expand.*", "a.b.c", ":excerpt(", "id,,", "title:excerpt(999999999999)"]),
    };

    public T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private JsonNode? Value(int depth)
    {
        switch (_random.Next(depth < 2 ? 10 : 7))
        {
            case 0: return null;
            case 1: return _random.Next(2) == 0;
            case 2: return _random.Next(-1000, 1000);
            case 3: return Pick([0.5, -1e308, 1e308, double.Epsilon, 123456789012345678d, 3]);
            case 4: return Text();
            case 5: return Pick(["0yxhwia2amd8gec", "mk5fmymtx4wsprk", "i9naidtvr6qsgb4", "4q1xlclmfloku33", "a", "b", "optionA", "2022-10-01 12:00:00.000Z", ""]);
            case 6: return new string(Pick(['x', 'é', '\'', '"']), _random.Next(0, 6000));
            case 7:
            case 8:
                return new JsonArray(Enumerable.Range(0, _random.Next(0, 4)).Select(_ => Value(depth + 1)).ToArray());
            default:
                var obj = new JsonObject();
                for (var i = 0; i < _random.Next(0, 3); i++) obj[Pick(["lon", "lat", "a", "b", "lat"]) + (i > 1 ? i.ToString(CultureInfo.InvariantCulture) : "")] = Value(depth + 1);
                return obj;
        }
    }

    private string Text()
    {
        var chars = "ab_%\\'\" 1é-\n\t{}[]:,".ToCharArray();
        var sb = new StringBuilder();
        for (var i = _random.Next(0, 12); i > 0; i--) sb.Append(chars[_random.Next(chars.Length)]);
        return sb.ToString();
    }
}
