using TorchSharp;
using static TorchSharp.torch;

namespace KerasLint.Proofs.Training;

/// <summary>A deterministic train/test split of the 10,000 digits as tensors on the run's device.</summary>
public sealed class MnistSplit
{
    private MnistSplit(Tensor xTrain, Tensor yTrain, Tensor xTest, Tensor yTest)
    {
        XTrain = xTrain;
        YTrain = yTrain;
        XTest = xTest;
        YTest = yTest;
    }

    /// <summary>(N, 784) float32 in [0, 1].</summary>
    public Tensor XTrain { get; }

    /// <summary>(N,) int64 class indices.</summary>
    public Tensor YTrain { get; }

    public Tensor XTest { get; }

    public Tensor YTest { get; }

    public long TrainCount => XTrain.shape[0];

    public long TestCount => XTest.shape[0];

    /// <summary>Shuffles the digits with <paramref name="seed"/> (Fisher–Yates, System.Random) and takes the first train + test.</summary>
    public static MnistSplit Create(int train, int test, int seed, Device device)
    {
        if (train + test > ProofData.MnistCount) throw new ArgumentOutOfRangeException(nameof(train), $"train + test must be at most {ProofData.MnistCount}.");
        var (labels, pixels) = ProofData.MnistBytes;
        var order = Permutation(ProofData.MnistCount, seed);

        (Tensor X, Tensor Y) Take(int start, int count)
        {
            var x = new float[count * ProofData.MnistPixels];
            var y = new long[count];
            for (var k = 0; k < count; k++)
            {
                var src = order[start + k];
                y[k] = labels[src];
                for (var p = 0; p < ProofData.MnistPixels; p++) x[k * ProofData.MnistPixels + p] = pixels[src * ProofData.MnistPixels + p] / 255f;
            }

            return (tensor(x, new long[] { count, ProofData.MnistPixels }).to(device), tensor(y).to(device));
        }

        var (xTr, yTr) = Take(0, train);
        var (xTe, yTe) = Take(train, test);
        return new MnistSplit(xTr, yTr, xTe, yTe);
    }

    /// <summary>A seeded Fisher–Yates permutation of 0..n−1 (System.Random: the same on every machine and run).</summary>
    public static int[] Permutation(int n, int seed)
    {
        var order = Enumerable.Range(0, n).ToArray();
        var rng = new Random(seed);
        for (var i = n - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }
}
