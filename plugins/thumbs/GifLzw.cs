namespace Satchel.Plugins.Thumbs;

/// <summary>
/// GIF's variable-width LZW: codes packed least significant bit first into sub-blocks of at most
/// 255 bytes, the code width growing with the table up to 12 bits, and a clear code whenever the
/// table is full.
/// </summary>
internal static class GifLzw
{
    private const int MaxCodes = 4096;

    /// <param name="minCodeSize">The bits per colour index (2–8), already written before the data.</param>
    public static void Write(Stream output, byte[] indices, int minCodeSize)
    {
        var blocks = new SubBlockWriter(output);
        var clear = 1 << minCodeSize;
        var endOfInformation = clear + 1;

        var table = new Dictionary<int, int>();
        var next = clear + 2;
        var width = minCodeSize + 1;

        blocks.WriteCode(clear, width);
        if (indices.Length == 0)
        {
            blocks.WriteCode(endOfInformation, width);
            blocks.Finish();
            return;
        }

        int prefix = indices[0];
        for (var i = 1; i < indices.Length; i++)
        {
            var pixel = indices[i];
            var key = (prefix << 8) | pixel;
            if (table.TryGetValue(key, out var code))
            {
                prefix = code;
                continue;
            }

            blocks.WriteCode(prefix, width);
            var added = next++;
            table[key] = added;
            // A decoder learns each entry one code later than this side, so the width grows once
            // the entry equal to 2^width has been added here.
            if (added == 1 << width && width < 12) width++;
            if (next == MaxCodes)
            {
                blocks.WriteCode(clear, width);
                table.Clear();
                next = clear + 2;
                width = minCodeSize + 1;
            }
            prefix = pixel;
        }

        blocks.WriteCode(prefix, width);
        blocks.WriteCode(endOfInformation, width);
        blocks.Finish();
    }

    /// <summary>Packs codes into bytes and the bytes into length-prefixed sub-blocks.</summary>
    private sealed class SubBlockWriter(Stream output)
    {
        private readonly byte[] _block = new byte[255];
        private int _length;
        private int _bits;
        private int _bitCount;

        public void WriteCode(int code, int width)
        {
            _bits |= code << _bitCount;
            _bitCount += width;
            while (_bitCount >= 8)
            {
                Put((byte)_bits);
                _bits >>= 8;
                _bitCount -= 8;
            }
        }

        public void Finish()
        {
            if (_bitCount > 0) Put((byte)_bits);
            Flush();
            output.WriteByte(0); // block terminator
        }

        private void Put(byte value)
        {
            _block[_length++] = value;
            if (_length == _block.Length) Flush();
        }

        private void Flush()
        {
            if (_length == 0) return;
            output.WriteByte((byte)_length);
            output.Write(_block, 0, _length);
            _length = 0;
        }
    }
}
