using KerasLint.Knowledge;
using Xunit;

namespace KerasLint.Runtime.Tests;

/// <summary>ModelCheckpoint(save_best_only=True) selection: np.less / np.greater from ±inf, strictly better values only.</summary>
public class KerasCallbacksTests
{
    private static readonly double[] History = { 0.5, 0.7, 0.4, 0.6 };

    [Theory]
    [InlineData("min", new[] { 1, 3 })]
    [InlineData("max", new[] { 1, 2 })]
    public void Explicit_modes_save_each_strictly_better_epoch(string mode, int[] saved)
    {
        Assert.Equal(saved, KerasCallbacks.CheckpointSavedEpochs(KerasFamily.Keras3, "val_accuracy", mode, History));
    }

    [Theory]
    [InlineData(KerasFamily.Keras22, "val_acc", new[] { 1, 2 })]
    [InlineData(KerasFamily.TfKeras2, "val_accuracy", new[] { 1, 2 })]
    [InlineData(KerasFamily.Keras3, "val_accuracy", new[] { 1, 2 })]
    [InlineData(KerasFamily.Keras3, "val_loss", new[] { 1, 3 })]
    public void Auto_takes_the_family_direction_for_the_key(KerasFamily family, string monitor, int[] saved)
    {
        Assert.Equal(saved, KerasCallbacks.CheckpointSavedEpochs(family, monitor, "auto", History));
    }

    [Fact]
    public void A_tie_is_not_saved()
    {
        Assert.Equal(new[] { 1 }, KerasCallbacks.CheckpointSavedEpochs(KerasFamily.Keras3, "val_accuracy", "max", new[] { 0.5, 0.5, 0.5 }));
    }
}
