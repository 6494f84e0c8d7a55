using System.Text;
using Satchel.Files;

namespace Satchel.Tests.Files;

public class ContentSnifferTests
{
    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 }, "image/png", ".png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10 }, "image/jpeg", ".jpg")]
    [InlineData(new byte[] { (byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'9', (byte)'a', 1, 0 }, "image/gif", ".gif")]
    [InlineData(new byte[] { (byte)'%', (byte)'P', (byte)'D', (byte)'F', (byte)'-', (byte)'1', (byte)'.', (byte)'7' }, "application/pdf", ".pdf")]
    [InlineData(new byte[] { 0x1F, 0x8B, 8, 0 }, "application/gzip", ".gz")]
    [InlineData(new byte[] { 0x00, 0x01, 0x02, 0x03 }, "application/octet-stream", "")]
    public void Detects_binary_formats_by_signature(byte[] head, string mime, string ext)
    {
        var type = ContentSniffer.Detect(head);
        Assert.Equal(mime, type.MimeType);
        Assert.Equal(ext, type.Extension);
    }

    [Theory]
    [InlineData("hello world", "text/plain; charset=utf-8", ".txt")]
    [InlineData("{\"a\": [1, 2]}", "application/json", ".json")]
    [InlineData("  <!DOCTYPE html><html></html>", "text/html; charset=utf-8", ".html")]
    [InlineData("<?xml version=\"1.0\"?><note/>", "text/xml; charset=utf-8", ".xml")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\"></svg>", "image/svg+xml", ".svg")]
    [InlineData("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "image/svg+xml", ".svg")]
    [InlineData("not {json", "text/plain; charset=utf-8", ".txt")]
    public void Detects_text_formats(string content, string mime, string ext)
    {
        var type = ContentSniffer.Detect(Encoding.UTF8.GetBytes(content));
        Assert.Equal(mime, type.MimeType);
        Assert.Equal(ext, type.Extension);
    }

    [Fact]
    public void Latin1_text_is_reported_with_its_charset()
        => Assert.Equal("text/plain; charset=iso-8859-1", ContentSniffer.Detect([(byte)'c', (byte)'a', (byte)'f', 0xE9, (byte)' ', (byte)'!']).MimeType);

    [Fact]
    public void Office_documents_are_told_apart_from_plain_zips()
    {
        var docx = ZipWithEntry("word/document.xml");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ContentSniffer.Detect(docx).MimeType);
        Assert.Equal("application/zip", ContentSniffer.Detect(ZipWithEntry("notes.txt")).MimeType);
    }

    [Fact]
    public void Is_compares_the_base_type_and_aliases()
    {
        var text = ContentSniffer.Detect("abc"u8);
        Assert.True(text.Is("text/plain"));
        Assert.True(text.Is("TEXT/PLAIN; charset=iso-8859-1"));
        Assert.False(text.Is("text/html"));
        Assert.True(ContentSniffer.Detect("%PDF-1.4"u8).Is("application/x-pdf"));
        // PocketBase's detector knows no "image/jpg" alias for JPEG
        Assert.False(ContentSniffer.Detect([0xFF, 0xD8, 0xFF, 0xE0]).Is("image/jpg"));
    }

    [Fact]
    public void Detecting_from_a_stream_rewinds_it()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("%PDF-1.4 rest"));
        Assert.Equal("application/pdf", ContentSniffer.Detect(stream).MimeType);
        Assert.Equal(0, stream.Position);
    }

    private static byte[] ZipWithEntry(string name)
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var w = new StreamWriter(zip.CreateEntry(name).Open());
            w.Write("content");
        }
        return buffer.ToArray();
    }
}
