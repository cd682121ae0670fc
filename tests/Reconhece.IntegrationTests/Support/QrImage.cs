using System.Buffers.Binary;
using System.IO.Compression;
using ZXing;
using ZXing.Common;

namespace Reconhece.IntegrationTests.Support;

/// <summary>
/// Reads a QR code from a PNG screenshot, as a customer's camera reads the screen: the PNG's pixels
/// (8-bit RGB or RGBA, non-interlaced, as Chromium writes them) decoded here, the code by ZXing.Net.
/// </summary>
public static class QrImage
{
    public static string? Decode(byte[] png)
    {
        var (width, height, rgba) = Pixels(png);
        var source = new RGBLuminanceSource(rgba, width, height, RGBLuminanceSource.BitmapFormat.RGBA32);
        // As a phone's scanner does, more than one way of reading the same pixels: ZXing's finder-pattern
        // detector misses about one clean code in a hundred that its other binarizer or its "pure code" mode reads.
        foreach (var pure in new[] { false, true })
            foreach (var binarizer in new Func<LuminanceSource, Binarizer>[] { s => new HybridBinarizer(s), s => new GlobalHistogramBinarizer(s) })
            {
                var hints = new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true, [DecodeHintType.PURE_BARCODE] = pure };
                if (new ZXing.QrCode.QRCodeReader().decode(new BinaryBitmap(binarizer(source)), hints)?.Text is { } text) return text;
            }
        return null;
    }

    private static (int Width, int Height, byte[] Rgba) Pixels(byte[] png)
    {
        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                (width, height) = (BinaryPrimitives.ReadInt32BigEndian(data), BinaryPrimitives.ReadInt32BigEndian(data[4..]));
                if (data[8] != 8 || data[12] != 0) throw new NotSupportedException("Only 8-bit, non-interlaced PNGs.");
                channels = data[9] switch { 2 => 3, 6 => 4, _ => throw new NotSupportedException($"PNG colour type {data[9]}.") };
            }
            else if (type == "IDAT") idat.Write(data);
            at += 12 + length;
        }
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionMode.Decompress)) z.CopyTo(inflated);
        var raw = inflated.ToArray();
        var stride = width * channels;
        var pixels = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var line = raw.AsSpan(y * (stride + 1) + 1, stride);
            var row = pixels.AsSpan(y * stride, stride);
            var above = y == 0 ? new byte[stride] : pixels.AsSpan((y - 1) * stride, stride).ToArray();
            for (var x = 0; x < stride; x++)
            {
                int a = x >= channels ? row[x - channels] : 0, b = above[x], c = x >= channels ? above[x - channels] : 0;
                row[x] = (byte)(line[x] + filter switch
                {
                    0 => 0, 1 => a, 2 => b, 3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new NotSupportedException($"PNG filter {filter}."),
                });
            }
        }
        if (channels == 4) return (width, height, pixels);
        var rgba = new byte[width * height * 4];
        for (var i = 0; i < width * height; i++)
        {
            pixels.AsSpan(i * 3, 3).CopyTo(rgba.AsSpan(i * 4));
            rgba[i * 4 + 3] = 255;
        }
        return (width, height, rgba);
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
