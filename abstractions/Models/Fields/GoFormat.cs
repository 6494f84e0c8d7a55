using System.Globalization;
using System.Text;

namespace Satchel.Models.Fields;

/// <summary>
/// Number formatting as PocketBase (a Go program) prints it, so that values converted to text
/// and numbers inside error messages read the same as theirs.
/// </summary>
public static class GoFormat
{
    /// <summary>Plain decimal notation with the shortest exact digits, never an exponent (Go's 'f', -1).</summary>
    public static string FormatF(double d)
    {
        if (double.IsNaN(d)) return "NaN";
        if (double.IsInfinity(d)) return d > 0 ? "+Inf" : "-Inf";
        var (digits, point, negative) = Decompose(d);
        var sb = new StringBuilder();
        if (negative) sb.Append('-');
        if (point <= 0)
        {
            sb.Append("0.").Append('0', -point).Append(digits);
        }
        else if (point >= digits.Length)
        {
            sb.Append(digits).Append('0', point - digits.Length);
        }
        else
        {
            sb.Append(digits, 0, point).Append('.').Append(digits, point, digits.Length - point);
        }
        return sb.ToString();
    }

    /// <summary>The default text of a float in Go (%v): plain notation, or an exponent when it is below -4 or at least 6.</summary>
    public static string FormatV(double d)
    {
        if (double.IsNaN(d)) return "NaN";
        if (double.IsInfinity(d)) return d > 0 ? "+Inf" : "-Inf";
        var (digits, point, negative) = Decompose(d);
        var exp = point - 1;
        if (digits == "0" || (exp >= -4 && exp < 6)) return FormatF(d);
        var sb = new StringBuilder();
        if (negative) sb.Append('-');
        sb.Append(digits[0]);
        if (digits.Length > 1) sb.Append('.').Append(digits, 1, digits.Length - 1);
        sb.Append('e').Append(exp < 0 ? '-' : '+');
        sb.Append(Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    /// <summary>Splits the shortest round-trip form into significant digits and the decimal point position.</summary>
    private static (string Digits, int Point, bool Negative) Decompose(double d)
    {
        var text = Math.Abs(d).ToString("R", CultureInfo.InvariantCulture);
        var exp = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exp = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }
        var dot = text.IndexOf('.');
        var intPart = dot < 0 ? text : text[..dot];
        var fracPart = dot < 0 ? "" : text[(dot + 1)..];
        var digits = intPart + fracPart;
        var point = intPart.Length + exp;
        var lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0') { lead++; point--; }
        digits = digits[lead..].TrimEnd('0');
        if (digits == "") { digits = "0"; point = 1; }
        return (digits, point, double.IsNegative(d) && d != 0);
    }
}
