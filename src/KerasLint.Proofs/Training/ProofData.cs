using System.Globalization;
using System.IO.Compression;

namespace KerasLint.Proofs.Training;

/// <summary>The compact MNIST and Iris copies (Data/README.md), loaded from the output folder or the source tree.</summary>
public static class ProofData
{
    public const int MnistCount = 10_000;
    public const int MnistPixels = 784;

    private static readonly Lazy<(byte[] Labels, byte[] Pixels)> Mnist = new(LoadMnist);
    private static readonly Lazy<IrisSample[]> IrisRows = new(LoadIris);

    /// <summary>Labels (0–9) and pixels (784 bytes per image, value b/255) of the 10,000 digits, in file order.</summary>
    public static (byte[] Labels, byte[] Pixels) MnistBytes => Mnist.Value;

    public static IReadOnlyList<IrisSample> Iris => IrisRows.Value;

    /// <summary>The folder holding the data: ProofData/ beside the assembly, else the source tree's Data/.</summary>
    public static string Folder()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "ProofData");
        if (File.Exists(Path.Combine(beside, "mnist-10k.u8.gz"))) return beside;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "KerasLint.Proofs", "Data");
            if (File.Exists(Path.Combine(candidate, "mnist-10k.u8.gz"))) return candidate;
        }

        throw new FileNotFoundException($"The proof data (mnist-10k.u8.gz, iris.csv) was found neither in {beside} nor in a src/KerasLint.Proofs/Data folder above {AppContext.BaseDirectory}.");
    }

    private static (byte[], byte[]) LoadMnist()
    {
        var path = Path.Combine(Folder(), "mnist-10k.u8.gz");
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var ms = new MemoryStream();
        gz.CopyTo(ms);
        var all = ms.ToArray();
        const int record = MnistPixels + 1;
        if (all.Length != MnistCount * record)
        {
            throw new InvalidDataException($"{path}: expected {MnistCount * record} bytes after decompression, found {all.Length}.");
        }

        var labels = new byte[MnistCount];
        var pixels = new byte[MnistCount * MnistPixels];
        for (var i = 0; i < MnistCount; i++)
        {
            labels[i] = all[i * record];
            if (labels[i] > 9) throw new InvalidDataException($"{path}: record {i} has label {labels[i]}.");
            Buffer.BlockCopy(all, i * record + 1, pixels, i * MnistPixels, MnistPixels);
        }

        return (labels, pixels);
    }

    private static IrisSample[] LoadIris()
    {
        var path = Path.Combine(Folder(), "iris.csv");
        var rows = new List<IrisSample>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            if (line.Length == 0) continue;
            var f = line.Split(',');
            if (f.Length != 5) throw new InvalidDataException($"{path}: '{line}' does not have 5 fields.");
            float P(int i) => float.Parse(f[i], CultureInfo.InvariantCulture);
            rows.Add(new IrisSample(P(0), P(1), P(2), P(3), f[4]));
        }

        return rows.ToArray();
    }
}

public sealed record IrisSample(float SepalLength, float SepalWidth, float PetalLength, float PetalWidth, string Species);
