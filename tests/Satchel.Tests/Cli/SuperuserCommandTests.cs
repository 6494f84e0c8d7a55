using Moq;
using Satchel.Cli;
using Satchel.Errors;
using Satchel.Models;
using Record = Satchel.Models.Record;

namespace Satchel.Tests.Cli;

/// <summary>The superuser commands' argument rules and messages, against a stand-in app.</summary>
public sealed class SuperuserCommandTests
{
    private readonly Collection _superusers = new() { Id = "pbc_3142635823", Name = SystemCollections.Superusers, Type = CollectionType.Auth };
    private readonly Mock<IApp> _app = new();
    private readonly List<Record> _saved = new();

    public SuperuserCommandTests()
    {
        _app.Setup(a => a.FindCollectionByNameOrId(SystemCollections.Superusers)).Returns(_superusers);
        _app.Setup(a => a.SaveRecord(It.IsAny<Record>())).Callback<Record>(_saved.Add);
    }

    private Record Existing(string email)
    {
        var r = new Record(_superusers);
        r.Set("email", email);
        r.MarkAsPersisted();
        _app.Setup(a => a.FindAuthRecordByEmail(SystemCollections.Superusers, email)).Returns(r);
        return r;
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("test@example.com", null)]
    public void Upsert_create_and_update_need_both_arguments(string? email, string? password)
    {
        foreach (var run in new Func<string>[]
                 {
                     () => SuperuserCommand.Upsert(_app.Object, email, password),
                     () => SuperuserCommand.CreateOne(_app.Object, email, password),
                     () => SuperuserCommand.Update(_app.Object, email, password),
                 })
        {
            var e = Assert.Throws<CliException>(run);
            Assert.Equal("missing email and password arguments", e.Message);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-email")]
    [InlineData("a@b@c")]
    public void An_invalid_email_is_refused(string email)
    {
        var e = Assert.Throws<CliException>(() => SuperuserCommand.Upsert(_app.Object, email, "1234567890"));
        Assert.Equal("missing or invalid email address", e.Message);
        Assert.Equal("invalid or missing email address", Assert.Throws<CliException>(() => SuperuserCommand.Delete(_app.Object, email)).Message);
        Assert.Empty(_saved);
    }

    [Fact]
    public void Upsert_creates_a_new_superuser_when_the_email_is_unknown()
    {
        var message = SuperuserCommand.Upsert(_app.Object, "new@example.com", "1234567890");

        var saved = Assert.Single(_saved);
        Assert.True(saved.IsNew);
        Assert.Same(_superusers, saved.Collection);
        Assert.Equal("new@example.com", saved.GetString("email"));
        Assert.Equal("1234567890", saved.GetString("password"));
        Assert.Equal("Successfully saved superuser \"new@example.com\"!", message);
    }

    [Fact]
    public void Upsert_changes_the_password_of_an_existing_superuser()
    {
        var existing = Existing("old@example.com");

        SuperuserCommand.Upsert(_app.Object, "old@example.com", "new-password");

        var saved = Assert.Single(_saved);
        Assert.Same(existing, saved);
        Assert.False(saved.IsNew);
        Assert.Equal("new-password", saved.GetString("password"));
    }

    [Fact]
    public void Create_reports_the_save_error_of_an_existing_email()
    {
        _app.Setup(a => a.SaveRecord(It.IsAny<Record>())).Throws(ApiException.Validation(
            new ValidationErrors().Add("email", "validation_not_unique", "Value must be unique.")));

        var e = Assert.Throws<CliException>(() => SuperuserCommand.CreateOne(_app.Object, "test@example.com", "1234567890"));

        Assert.Equal("failed to create new superuser account: email: Value must be unique.", e.Message);
    }

    [Fact]
    public void Update_fails_for_an_unknown_email()
    {
        var e = Assert.Throws<CliException>(() => SuperuserCommand.Update(_app.Object, "nobody@example.com", "1234567890"));
        Assert.Equal("superuser with email \"nobody@example.com\" doesn't exist", e.Message);
        Assert.Empty(_saved);
    }

    [Fact]
    public void Update_sets_the_new_password()
    {
        var existing = Existing("old@example.com");
        Assert.Equal("Successfully changed superuser \"old@example.com\" password!", SuperuserCommand.Update(_app.Object, "old@example.com", "1234567890"));
        Assert.Equal("1234567890", existing.GetString("password"));
    }

    [Fact]
    public void Delete_of_a_missing_superuser_is_not_an_error()
    {
        var message = SuperuserCommand.Delete(_app.Object, "nobody@example.com");
        Assert.Equal("superuser \"nobody@example.com\" is missing or already deleted", message);
        _app.Verify(a => a.DeleteRecord(It.IsAny<Record>()), Times.Never);
    }

    [Fact]
    public void Delete_removes_an_existing_superuser()
    {
        var existing = Existing("old@example.com");
        Assert.Equal("Successfully deleted superuser \"old@example.com\"!", SuperuserCommand.Delete(_app.Object, "old@example.com"));
        _app.Verify(a => a.DeleteRecord(existing), Times.Once);
    }

    [Fact]
    public void A_missing_superusers_collection_is_reported()
    {
        _app.Setup(a => a.FindCollectionByNameOrId(SystemCollections.Superusers)).Returns((Collection?)null);
        var e = Assert.Throws<CliException>(() => SuperuserCommand.Upsert(_app.Object, "new@example.com", "1234567890"));
        Assert.StartsWith("failed to fetch \"_superusers\" collection", e.Message);
    }
}
