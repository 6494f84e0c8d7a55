using System.Security.Cryptography;
using System.Text;

namespace Satchel.Settings;

/// <summary>
/// The at-rest encryption of the settings value, byte-compatible with PocketBase: AES-GCM keyed
/// with the UTF-8 bytes of the --encryptionEnv value (32 characters → AES-256), a random
/// 12-byte nonce, and the stored text = standard base64 of nonce ‖ ciphertext ‖ 16-byte tag.
/// </summary>
public static class SettingsCipher
{
    public const int NonceSize = 12;
    public const int TagSize = 16;

    public static string Encrypt(byte[] plain, string key)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        return Encrypt(plain, key, nonce);
    }

    /// <summary>Encrypts with a caller-chosen nonce (tests use it to build known values).</summary>
    public static string Encrypt(byte[] plain, string key, byte[] nonce)
    {
        if (nonce.Length != NonceSize) throw new ArgumentException($"the nonce must be {NonceSize} bytes", nameof(nonce));
        var output = new byte[NonceSize + plain.Length + TagSize];
        nonce.CopyTo(output, 0);
        using var gcm = new AesGcm(KeyBytes(key), TagSize);
        gcm.Encrypt(nonce, plain, output.AsSpan(NonceSize, plain.Length), output.AsSpan(NonceSize + plain.Length, TagSize));
        return Convert.ToBase64String(output);
    }

    /// <summary>Decrypts a stored value; throws <see cref="CryptographicException"/> for a wrong key or damaged data.</summary>
    public static byte[] Decrypt(string stored, string key)
    {
        byte[] raw;
        try { raw = Convert.FromBase64String(stored.Trim()); }
        catch (FormatException e) { throw new CryptographicException("the value is not base64", e); }
        if (raw.Length < NonceSize + TagSize) throw new CryptographicException("the value is too short to be encrypted data");

        var cipherLength = raw.Length - NonceSize - TagSize;
        var plain = new byte[cipherLength];
        using var gcm = new AesGcm(KeyBytes(key), TagSize);
        gcm.Decrypt(raw.AsSpan(0, NonceSize), raw.AsSpan(NonceSize, cipherLength), raw.AsSpan(NonceSize + cipherLength, TagSize), plain);
        return plain;
    }

    private static byte[] KeyBytes(string key)
    {
        var bytes = Encoding.UTF8.GetBytes(key);
        // Same accepted sizes as Go's aes.NewCipher; the CLI already insists on 32 characters.
        if (bytes.Length is not (16 or 24 or 32))
            throw new CryptographicException($"the encryption key must be 16, 24 or 32 bytes long, not {bytes.Length}");
        return bytes;
    }
}
