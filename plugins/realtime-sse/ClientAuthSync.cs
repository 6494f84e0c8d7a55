using Satchel.Models;
using Satchel.Realtime;

namespace Satchel.Plugins.RealtimeSse;

/// <summary>
/// Keeps connected clients' auth in step with the auth records behind it. Connections stay open
/// but turn guest (and may sign in again with their next subscription) when their auth record is
/// deleted, when its tokenKey changes (password change or reset), when its collection's token secret
/// changes and when its collection is deleted; any other update of the record replaces the copy the
/// client holds.
/// </summary>
internal sealed class ClientAuthSync(IRealtimeBroker broker)
{
    /// <summary>Client store key of the auth collection's token secret at the time the client signed in.</summary>
    public const string SecretKey = "satchel.authSecret";

    /// <summary>Sets a client's auth, remembering the secret its tokens were signed with.</summary>
    public static void Bind(IRealtimeClient client, Record? auth)
    {
        client.Auth = auth;
        if (auth == null) client.Unset(SecretKey);
        else client.Set(SecretKey, Secret(auth.Collection));
    }

    private static string Secret(Collection collection) => collection.Auth?.AuthToken.Secret ?? "";

    public void RecordUpdated(Record record)
    {
        if (!record.Collection.IsAuth) return;
        foreach (var client in broker.ClientList)
        {
            var auth = client.Auth;
            if (auth == null || auth.Id != record.Id || auth.Collection.Name != record.Collection.Name) continue;
            Bind(client, auth.GetString("tokenKey") != record.GetString("tokenKey") ? null : record.Clone());
        }
    }

    public void RecordDeleted(Record record)
    {
        if (!record.Collection.IsAuth) return;
        foreach (var client in broker.ClientList)
        {
            var auth = client.Auth;
            if (auth != null && auth.Id == record.Id && auth.Collection.Name == record.Collection.Name) Bind(client, null);
        }
    }

    public void CollectionUpdated(Collection collection)
    {
        if (!collection.IsAuth) return;
        foreach (var client in broker.ClientList)
        {
            if (client.Auth?.Collection.Id != collection.Id) continue;
            // A client whose auth was set without Bind has no known secret to compare with.
            if (client.Get(SecretKey) is string secret && secret != Secret(collection)) Bind(client, null);
        }
    }

    public void CollectionDeleted(Collection collection)
    {
        if (!collection.IsAuth) return;
        foreach (var client in broker.ClientList)
        {
            if (client.Auth?.Collection.Id == collection.Id || client.Auth?.Collection.Name == collection.Name) Bind(client, null);
        }
    }
}
