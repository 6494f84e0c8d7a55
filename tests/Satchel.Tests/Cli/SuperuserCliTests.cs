using Dapper;
using Satchel.Tests.Support;

namespace Satchel.Tests.Cli;

/// <summary>`satchel superuser …` end to end, on a copy of the PocketBase fixture (which has test@example.com).</summary>
public sealed class SuperuserCliTests : IDisposable
{
    private readonly TempDir _data = TempDir.CopyOf(RepoPaths.FixtureDataDir);

    public void Dispose() => _data.Dispose();

    private Task<CliResult> Run(params string[] args) => SatchelProcess.RunAsync(args.Append($"--dir={_data.Path}"));

    private string? PasswordHash(string email)
        => DataDb.Query(_data.Path, c => c.QueryFirstOrDefault<string>("SELECT password FROM _superusers WHERE email = @email", new { email }));

    [Fact]
    public async Task Upsert_creates_a_superuser_with_a_hashed_password()
    {
        var r = await Run("superuser", "upsert", "new@example.com", "1234567890");

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("Successfully saved superuser \"new@example.com\"!", r.Stdout);
        var hash = PasswordHash("new@example.com");
        Assert.NotNull(hash);
        Assert.StartsWith("$2", hash);
        Assert.True(BCrypt.Net.BCrypt.Verify("1234567890", hash));
    }

    [Fact]
    public async Task Upsert_of_an_existing_email_changes_its_password()
    {
        var r = await Run("superuser", "upsert", "test@example.com", "a-new-password");

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.True(BCrypt.Net.BCrypt.Verify("a-new-password", PasswordHash("test@example.com")));
    }

    [Fact]
    public async Task Create_fails_when_the_email_exists()
    {
        var before = PasswordHash("test@example.com");
        var r = await Run("superuser", "create", "test@example.com", "1234567890");

        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("Error: failed to create new superuser account", r.Stderr);
        Assert.Equal(before, PasswordHash("test@example.com"));
    }

    [Fact]
    public async Task A_password_shorter_than_the_collection_minimum_is_refused()
    {
        var r = await Run("superuser", "upsert", "short@example.com", "1234");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("password", r.Stderr);
        Assert.Null(PasswordHash("short@example.com"));
    }

    [Fact]
    public async Task Update_fails_for_an_unknown_email()
    {
        var r = await Run("superuser", "update", "nobody@example.com", "1234567890");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("Error: superuser with email \"nobody@example.com\" doesn't exist", r.Stderr.Trim());
    }

    [Fact]
    public async Task Delete_removes_the_superuser_and_a_second_delete_still_succeeds()
    {
        var first = await Run("superuser", "delete", "test2@example.com");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Null(PasswordHash("test2@example.com"));

        var again = await Run("superuser", "delete", "test2@example.com");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("is missing or already deleted", again.Stdout);
    }

    [Fact]
    public async Task Upsert_works_on_a_fresh_data_dir()
    {
        using var fresh = TempDir.Create();
        var r = await SatchelProcess.RunAsync(new[] { "superuser", "upsert", "first@example.com", "1234567890", $"--dir={fresh.Path}" });

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(1L, DataDb.Query(fresh.Path, c => c.ExecuteScalar<long>("SELECT count(*) FROM _superusers")));
    }
}
