using Satchel.Tests.Support;

namespace Satchel.Tests.Cli;

/// <summary>The satchel executable's help and argument errors.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData(new[] { "--help" }, "serve")]
    [InlineData(new[] { "serve", "--help" }, "--http")]
    [InlineData(new[] { "superuser", "--help" }, "upsert")]
    [InlineData(new[] { "superuser", "upsert", "--help" }, "<email>")]
    [InlineData(new[] { "superuser", "create", "--help" }, "<password>")]
    [InlineData(new[] { "superuser", "update", "--help" }, "<password>")]
    [InlineData(new[] { "superuser", "delete", "--help" }, "<email>")]
    [InlineData(new[] { "migrate", "--help" }, "history-sync")]
    public async Task Every_command_has_help(string[] args, string mentions)
    {
        var r = await SatchelProcess.RunAsync(args);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("Usage:", r.Stdout);
        Assert.Contains(mentions, r.Stdout);
    }

    [Theory]
    [InlineData("serve", "--no-such-flag")]
    [InlineData("no-such-command")]
    [InlineData("superuser", "upsert", "a@example.com", "1234567890", "extra")]
    public async Task Bad_arguments_give_one_line_on_stderr_and_a_nonzero_exit(params string[] args)
    {
        var r = await SatchelProcess.RunAsync(args);
        Assert.NotEqual(0, r.ExitCode);
        var lines = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("Error:", lines[0]);
    }

    [Fact]
    public async Task A_bad_http_address_stops_serve_with_an_error()
    {
        using var dir = TempDir.Create();
        var r = await SatchelProcess.RunAsync(new[] { "serve", "--http=nonsense:port", $"--dir={dir.Path}" });
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("invalid --http address", r.Stderr);
    }
}
