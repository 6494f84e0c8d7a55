namespace Satchel.Mail;

/// <summary>
/// The HTML page every system email's body is placed in: a small inline stylesheet that the
/// default templates rely on (e.g. the "btn" class of their call-to-action links).
/// </summary>
public static class MailLayout
{
    private const string Head = """
        <!DOCTYPE html>
        <html>
        <head>
        <meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <style>
        html, body { margin: 0; padding: 0; border: 0; background: #ffffff; color: #1a1a1e; font-family: Helvetica, Arial, sans-serif; font-size: 14px; line-height: 20px; }
        body { padding: 20px 30px; }
        p { display: block; margin: 10px 0; }
        strong, b { font-weight: bold; }
        em, i { font-style: italic; }
        small { font-size: 12px; line-height: 16px; }
        hr { display: block; height: 1px; border: 0; margin: 10px 0; background: #e4e7eb; }
        a { color: inherit; }
        .hidden { display: none !important; }
        .btn { display: inline-block; min-width: 150px; margin: 5px 0; padding: 0 20px; border: 0; border-radius: 6px; box-sizing: border-box; background: #1a1a1e !important; color: #ffffff !important; font-weight: bold; line-height: 40px; text-align: center; text-decoration: none !important; }
        </style>
        </head>
        <body>

        """;

    private const string Tail = """

        </body>
        </html>
        """;

    /// <summary>The full HTML document around <paramref name="bodyHtml"/> (inserted as is).</summary>
    public static string Wrap(string bodyHtml) => Head + bodyHtml + Tail;
}
