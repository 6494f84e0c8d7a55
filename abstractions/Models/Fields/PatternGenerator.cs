using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Satchel.Models.Fields;

/// <summary>
/// Produces a random string matching a simple regular expression — the "autogeneratePattern" of
/// text fields (e.g. "[a-z0-9]{15}", "users[0-9]{5}"). Supported: literals and escapes, character
/// classes with ranges, negation and \d \w \s, POSIX classes, ".", groups, alternation and the
/// quantifiers ? * + {n} {n,} {n,m}. Open-ended repeats produce at most 6 items (or the minimum
/// when larger); "." and negated classes draw from letters/digits and printable ASCII respectively.
/// Anchors and word boundaries cannot produce text and are rejected, as PocketBase does.
/// Randomness comes from the cryptographic RNG.
/// </summary>
public static class PatternGenerator
{
    private const int OpenRepeatLimit = 6;
    private static readonly (int Lo, int Hi)[] AnyChar = [('0', '9'), ('A', 'Z'), ('a', 'z')];
    private static readonly (int Lo, int Hi)[] Printable = [(0x20, 0x7E)];
    private static readonly (int Lo, int Hi)[] Digits = [('0', '9')];
    private static readonly (int Lo, int Hi)[] Word = [('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')];
    private static readonly (int Lo, int Hi)[] Space = [('\t', '\n'), ('\f', '\r'), (' ', ' ')];

    private static readonly Dictionary<string, (int Lo, int Hi)[]> Posix = new(StringComparer.Ordinal)
    {
        ["alnum"] = [('0', '9'), ('A', 'Z'), ('a', 'z')],
        ["alpha"] = [('A', 'Z'), ('a', 'z')],
        ["ascii"] = [(0, 0x7F)],
        ["blank"] = [('\t', '\t'), (' ', ' ')],
        ["cntrl"] = [(0, 0x1F), (0x7F, 0x7F)],
        ["digit"] = Digits,
        ["graph"] = [('!', '~')],
        ["lower"] = [('a', 'z')],
        ["print"] = [(' ', '~')],
        ["punct"] = [('!', '/'), (':', '@'), ('[', '`'), ('{', '~')],
        ["space"] = [('\t', '\r'), (' ', ' ')],
        ["upper"] = [('A', 'Z')],
        ["word"] = Word,
        ["xdigit"] = [('0', '9'), ('A', 'F'), ('a', 'f')],
    };

    /// <summary>A random string for <paramref name="pattern"/>; throws <see cref="ArgumentException"/> when the pattern is not supported.</summary>
    public static string Generate(string pattern)
    {
        var node = new Parser(pattern).ParseAll();
        var sb = new StringBuilder();
        node.Write(sb);
        return sb.ToString();
    }

    /// <summary>Like <see cref="Generate"/> but reports an unsupported pattern through <paramref name="error"/>.</summary>
    public static bool TryGenerate(string pattern, out string value, out string? error)
    {
        try
        {
            value = Generate(pattern);
            error = null;
            return true;
        }
        catch (ArgumentException ex)
        {
            value = "";
            error = ex.Message;
            return false;
        }
    }

    private abstract class Node
    {
        public abstract void Write(StringBuilder sb);
    }

    private sealed class Literal(int rune) : Node
    {
        public override void Write(StringBuilder sb) => sb.Append(char.ConvertFromUtf32(rune));
    }

    private sealed class CharSet((int Lo, int Hi)[] ranges) : Node
    {
        public override void Write(StringBuilder sb)
        {
            long total = ranges.Sum(r => (long)r.Hi - r.Lo + 1);
            var pick = RandomNumberGenerator.GetInt32((int)Math.Min(total, int.MaxValue));
            foreach (var (lo, hi) in ranges)
            {
                var size = hi - lo + 1;
                if (pick < size) { sb.Append(char.ConvertFromUtf32(lo + pick)); return; }
                pick -= size;
            }
        }
    }

    private sealed class Sequence(List<Node> items) : Node
    {
        public override void Write(StringBuilder sb) { foreach (var item in items) item.Write(sb); }
    }

    private sealed class Choice(List<Node> options) : Node
    {
        public override void Write(StringBuilder sb) => options[RandomNumberGenerator.GetInt32(options.Count)].Write(sb);
    }

    private sealed class Repeat(Node item, int min, int max) : Node
    {
        public override void Write(StringBuilder sb)
        {
            var upper = max < 0 ? Math.Max(min, OpenRepeatLimit) : Math.Max(max, min);
            var count = min + RandomNumberGenerator.GetInt32(upper - min + 1);
            for (var i = 0; i < count; i++) item.Write(sb);
        }
    }

    /// <summary>Recursive descent over the pattern's code points.</summary>
    private sealed class Parser
    {
        private readonly string _pattern;
        private readonly int[] _runes;
        private int _pos;

        public Parser(string pattern)
        {
            _pattern = pattern;
            _runes = pattern.EnumerateRunes().Select(r => r.Value).ToArray();
        }

        private bool AtEnd => _pos >= _runes.Length;
        private int Peek(int ahead = 0) => _pos + ahead < _runes.Length ? _runes[_pos + ahead] : -1;

        private ArgumentException Error(string what, string fragment) => new($"error parsing regexp: {what}: `{fragment}`");
        private static ArgumentException Unsupported(int op) => new($"unsupported pattern operator {op}");

        private string Rest(int from) => string.Concat(_runes.Skip(from).Select(char.ConvertFromUtf32));

        public Node ParseAll()
        {
            var node = ParseChoice();
            if (!AtEnd) throw Error("unexpected )", _pattern);
            return node;
        }

        private Node ParseChoice()
        {
            var options = new List<Node> { ParseSequence() };
            while (Peek() == '|')
            {
                _pos++;
                options.Add(ParseSequence());
            }
            return options.Count == 1 ? options[0] : new Choice(options);
        }

        private Node ParseSequence()
        {
            var items = new List<Node>();
            while (!AtEnd && Peek() != '|' && Peek() != ')')
            {
                var start = _pos;
                if (Peek() is '*' or '+' or '?' || (Peek() == '{' && TryReadRepeat(out _, out _, peekOnly: true)))
                    throw Error("missing argument to repetition operator", Rest(start)[..1]);
                var atom = ParseAtom();
                if (atom == null) continue;
                items.Add(ParseQuantifiers(atom));
            }
            return items.Count == 1 ? items[0] : new Sequence(items);
        }

        private Node ParseQuantifiers(Node atom)
        {
            var quantified = false;
            while (!AtEnd)
            {
                var start = _pos;
                int min, max;
                switch (Peek())
                {
                    case '*': _pos++; (min, max) = (0, -1); break;
                    case '+': _pos++; (min, max) = (1, -1); break;
                    case '?': _pos++; (min, max) = (0, 1); break;
                    case '{' when TryReadRepeat(out min, out max, peekOnly: false): break;
                    default: return atom;
                }
                if (quantified) throw Error("invalid nested repetition operator", Rest(start - 1)[..2]);
                if (Peek() == '?') _pos++; // lazy marker changes matching, not what can be produced
                if (min > 1000 || max > 1000 || (max >= 0 && max < min)) throw Error("invalid repeat count", Rest(start));
                atom = new Repeat(atom, min, max);
                quantified = true;
            }
            return atom;
        }

        /// <summary>Reads "{n}", "{n,}" or "{n,m}"; anything else is a literal brace, as in RE2.</summary>
        private bool TryReadRepeat(out int min, out int max, bool peekOnly)
        {
            min = max = 0;
            var p = _pos + 1;
            var first = ReadDigits(ref p);
            if (first == null) return false;
            string? second = first;
            var open = false;
            if (p < _runes.Length && _runes[p] == ',')
            {
                p++;
                second = ReadDigits(ref p);
                open = second == null;
            }
            if (p >= _runes.Length || _runes[p] != '}') return false;
            min = ParseCount(first);
            max = open ? -1 : ParseCount(second!);
            if (!peekOnly) _pos = p + 1;
            return true;
        }

        private static int ParseCount(string digits) => digits.Length > 5 ? int.MaxValue : int.Parse(digits, CultureInfo.InvariantCulture);

        private string? ReadDigits(ref int p)
        {
            var start = p;
            while (p < _runes.Length && _runes[p] is >= '0' and <= '9') p++;
            return p == start ? null : string.Concat(_runes[start..p].Select(r => (char)r));
        }

        private Node? ParseAtom()
        {
            var c = _runes[_pos++];
            switch (c)
            {
                case '(':
                    return ParseGroup();
                case '[':
                    return new CharSet(ParseClass());
                case '.':
                    return new CharSet(AnyChar);
                case '^':
                    throw Unsupported(9);
                case '$':
                    throw Unsupported(10);
                case '\\':
                    return ParseEscape();
                default:
                    return new Literal(c);
            }
        }

        private Node? ParseGroup()
        {
            var start = _pos - 1;
            if (Peek() == '?')
            {
                _pos++;
                if (Peek() == 'P' && Peek(1) == '<') { _pos += 2; SkipName(start); }
                else if (Peek() == '<') { _pos++; SkipName(start); }
                else
                {
                    // flags such as (?i) or (?i:...) only change matching
                    while (!AtEnd && Peek() is not (':' or ')')) _pos++;
                    if (AtEnd) throw Error("missing closing )", Rest(start));
                    if (Peek() == ')') { _pos++; return null; }
                    _pos++;
                }
            }
            var inner = ParseChoice();
            if (Peek() != ')') throw Error("missing closing )", Rest(start));
            _pos++;
            return inner;
        }

        private void SkipName(int start)
        {
            while (!AtEnd && Peek() != '>') _pos++;
            if (AtEnd) throw Error("invalid named capture", Rest(start));
            _pos++;
        }

        private Node ParseEscape()
        {
            if (AtEnd) throw Error("trailing backslash at end of expression", "");
            var c = _runes[_pos];
            if (c is 'A') throw Unsupported(9);
            if (c is 'z') throw Unsupported(10);
            if (c is 'b') throw Unsupported(11);
            if (c is 'B') throw Unsupported(12);
            var set = ReadEscapeSet();
            if (set != null) return new CharSet(set);
            return new Literal(ReadEscapedRune());
        }

        /// <summary>The set for \d \w \s (and their negations) at the current position, advancing past it.</summary>
        private (int Lo, int Hi)[]? ReadEscapeSet()
        {
            (int Lo, int Hi)[]? set = Peek() switch
            {
                'd' => Digits,
                'w' => Word,
                's' => Space,
                'D' => Complement(Digits),
                'W' => Complement(Word),
                'S' => Complement(Space),
                _ => null,
            };
            if (set != null) _pos++;
            return set;
        }

        /// <summary>A single escaped character at the current position (after the backslash).</summary>
        private int ReadEscapedRune()
        {
            var start = _pos - 1;
            var c = _runes[_pos++];
            switch (c)
            {
                case 'n': return '\n';
                case 't': return '\t';
                case 'r': return '\r';
                case 'f': return '\f';
                case 'v': return '\v';
                case 'a': return '\a';
                case 'x': return ReadHex(start);
            }
            if (c < 0x80 && !char.IsAsciiLetterOrDigit((char)c)) return c;
            throw Error("invalid escape sequence", Rest(start)[..Math.Min(2, Rest(start).Length)]);
        }

        private int ReadHex(int start)
        {
            string digits;
            if (Peek() == '{')
            {
                var close = Array.IndexOf(_runes, '}', _pos);
                if (close < 0) throw Error("invalid escape sequence", Rest(start));
                digits = string.Concat(_runes[(_pos + 1)..close].Select(r => (char)r));
                _pos = close + 1;
            }
            else
            {
                if (_pos + 2 > _runes.Length) throw Error("invalid escape sequence", Rest(start));
                digits = string.Concat(_runes[_pos..(_pos + 2)].Select(r => (char)r));
                _pos += 2;
            }
            if (!int.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value) || value > 0x10FFFF || digits == "")
                throw Error("invalid escape sequence", Rest(start));
            return value;
        }

        private (int Lo, int Hi)[] ParseClass()
        {
            var start = _pos - 1;
            var negate = false;
            if (Peek() == '^') { negate = true; _pos++; }
            var ranges = new List<(int Lo, int Hi)>();
            var first = true;
            while (true)
            {
                if (AtEnd) throw Error("missing closing ]", Rest(start));
                var c = Peek();
                if (c == ']' && !first) { _pos++; break; }
                first = false;
                if (c == '[' && Peek(1) == ':')
                {
                    var close = FindPosixEnd();
                    if (close > 0)
                    {
                        var name = string.Concat(_runes[(_pos + 2)..close].Select(r => (char)r));
                        var neg = name.StartsWith('^');
                        if (neg) name = name[1..];
                        if (!Posix.TryGetValue(name, out var posix)) throw Error("invalid character class range", Rest(_pos)[..(close + 2 - _pos)]);
                        ranges.AddRange(neg ? Complement(posix) : posix);
                        _pos = close + 2;
                        continue;
                    }
                }
                var itemStart = _pos;
                if (c == '\\')
                {
                    _pos++;
                    if (AtEnd) throw Error("missing closing ]", Rest(start));
                    var set = ReadEscapeSet();
                    if (set != null) { ranges.AddRange(set); continue; }
                }
                var lo = c == '\\' ? ReadEscapedRune() : _runes[_pos++];
                var hi = lo;
                if (Peek() == '-' && Peek(1) != ']' && Peek(1) != -1)
                {
                    _pos++;
                    if (Peek() == '\\') { _pos++; hi = ReadEscapedRune(); }
                    else hi = _runes[_pos++];
                    if (hi < lo) throw Error("invalid character class range", string.Concat(_runes[itemStart.._pos].Select(char.ConvertFromUtf32)));
                }
                ranges.Add((lo, hi));
            }
            var result = negate ? Complement(ranges) : Merge(ranges);
            if (result.Length == 0) throw new ArgumentException("no runes to choose from");
            return result;
        }

        private int FindPosixEnd()
        {
            for (var i = _pos + 2; i + 1 < _runes.Length; i++)
            {
                if (_runes[i] == ':' && _runes[i + 1] == ']') return i;
                if (_runes[i] == ']') return -1;
            }
            return -1;
        }
    }

    private static (int Lo, int Hi)[] Merge(IEnumerable<(int Lo, int Hi)> ranges)
    {
        var merged = new List<(int Lo, int Hi)>();
        foreach (var r in ranges.OrderBy(r => r.Lo))
        {
            if (merged.Count > 0 && r.Lo <= merged[^1].Hi + 1)
                merged[^1] = (merged[^1].Lo, Math.Max(merged[^1].Hi, r.Hi));
            else
                merged.Add(r);
        }
        return merged.ToArray();
    }

    /// <summary>Printable ASCII minus the given ranges.</summary>
    private static (int Lo, int Hi)[] Complement(IEnumerable<(int Lo, int Hi)> ranges)
    {
        var result = new List<(int Lo, int Hi)>();
        var next = Printable[0].Lo;
        foreach (var (lo, hi) in Merge(ranges))
        {
            if (hi < next) continue;
            if (lo > Printable[0].Hi) break;
            if (lo > next) result.Add((next, lo - 1));
            next = hi + 1;
        }
        if (next <= Printable[0].Hi) result.Add((next, Printable[0].Hi));
        return result.ToArray();
    }
}
