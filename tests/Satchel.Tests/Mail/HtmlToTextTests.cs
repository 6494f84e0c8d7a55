using Satchel.Mail;

namespace Satchel.Tests.Mail;

/// <summary>The plain-text part derived from an HTML body.</summary>
public sealed class HtmlToTextTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("just text", "just text")]
    [InlineData("<p>Hello</p><p>World</p>", "Hello\r\nWorld")]
    [InlineData("<p>Hello <strong>big</strong> <em>world</em></p>", "Hello big world")]
    [InlineData("a<br>b<br/><br />c", "a\r\nb\r\n\r\nc")]
    [InlineData("<ul>\n  <li>one</li>\n  <li>two</li>\n</ul>", "- one \r\n- two")]
    [InlineData("<p>Go <a href=\"https://x.test/a?b=1&amp;c=2\">here</a> now</p>", "Go [here](https://x.test/a?b=1&c=2) now")]
    [InlineData("<a href=\"https://x.test\"><img src=\"logo.png\"></a>", "[LINK](https://x.test)")]
    [InlineData("<a>no target</a>", "[no target]")]
    [InlineData("<style>p{color:red}</style><script>alert(1)</script><p>kept</p>", "kept")]
    [InlineData("<form><input value=x><button>Go</button></form>after", "after")]
    [InlineData("<!-- note --><p>5 &lt; 6 &amp; &quot;q&quot;</p>", "5 < 6 & \"q\"")]
    [InlineData("<div>\n\t\tindented\n\t\ttext   here\n</div>", "indented text here")]
    public void Converts(string html, string expected) => Assert.Equal(expected, HtmlToText.Convert(html));

    [Fact]
    public void Renders_a_whole_system_email()
    {
        var html = MailLayout.Wrap("<p>Hello,</p>\n<p>Click on the button below to verify your email address.</p>\n" +
                                   "<p><a class=\"btn\" href=\"http://localhost:8090/_/#/auth/confirm-verification/TKN\" target=\"_blank\" rel=\"noopener\">Verify</a></p>\n" +
                                   "<p>Thanks,<br/>Acme team</p>");

        var text = HtmlToText.Convert(html);

        Assert.Equal("Hello, \r\nClick on the button below to verify your email address. \r\n" +
                     "[Verify](http://localhost:8090/_/#/auth/confirm-verification/TKN) \r\nThanks,\r\nAcme team", text);
    }

    [Fact]
    public void Message_uses_its_own_text_when_given()
    {
        var message = new MailMessage { Html = "<p>from html</p>" };
        Assert.Equal("from html", message.PlainText());
        message.Text = "own text";
        Assert.Equal("own text", message.PlainText());
    }
}
