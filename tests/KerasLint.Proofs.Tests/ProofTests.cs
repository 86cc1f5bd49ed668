using KerasLint.Knowledge;
using KerasLint.Proofs;

namespace KerasLint.Proofs.Tests;

/// <summary>
/// Every rule proof as a test, on the quick sizes (CPU, fixed seeds): each asserts the rule's inequality on the
/// numbers directly (the flagged value is off the truth by at least the margin; the fixed value equals the truth).
/// </summary>
[Collection("proofs")]
public sealed class ProofTests
{
    private static readonly string[] LossBased = { "2.2", "2.3" };
    private static readonly string[] ShapeBased = { "tf2", "3" };
    private readonly QuickProofFixture run;

    public ProofTests(QuickProofFixture run)
    {
        this.run = run;
    }

    public static TheoryData<string> ScenarioIds()
    {
        var data = new TheoryData<string>();
        foreach (var s in ProofRunner.All()) data.Add(s.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(ScenarioIds))]
    public void Every_scenario_holds_with_rows(string id)
    {
        var r = run.Scenario(id);
        var failing = r.Rows.Where(x => !x.Holds).Select(x => $"{x.Family} {x.Measured}: {x.Value} vs {x.ReferenceLabel} {x.Reference} ({x.Check.Describe()})");
        Assert.True(r.Holds, $"{id} does not hold: {string.Join("; ", failing)}");
        Assert.NotEmpty(r.Setups);
        Assert.False(string.IsNullOrWhiteSpace(r.Claim));
    }

    [Fact]
    public void Every_numeric_rule_has_a_proof()
    {
        var proven = ProofRunner.ProvenRules();
        foreach (var rule in new[]
                 {
                     RuleIds.AccuracyOnRegression, RuleIds.BinaryCrossentropyOnMultiClass, RuleIds.AmbiguousAccuracy, RuleIds.SoftmaxOnOneUnit,
                     RuleIds.LossExpectsProbabilities, RuleIds.RegressionLossOnClassifier, RuleIds.MonitorKeyNeverLogged, RuleIds.DropoutRateOutOfRange,
                     RuleIds.MonitorModeContradictsKey, RuleIds.CrossEntropyOnProbabilities, RuleIds.BceOnUnboundedOutputs, RuleIds.BceWithLogitsOnSigmoid, RuleIds.NllLossWithoutLogSoftmax,
                     RuleIds.CrossEntropyOnOneUnit, RuleIds.ArgmaxOfOneUnit, RuleIds.ElementwiseAccuracyOnSoftmax, RuleIds.RegressionLossOnTorchClassifier, RuleIds.BceOnSoftmax, RuleIds.ExactEqualityOnRegression,
                 })
        {
            Assert.Contains(rule, proven);
        }
    }

    [Fact]
    public void KL0001_accuracy_cannot_tell_a_fitted_regression_from_a_constant_but_mae_can()
    {
        foreach (var f in LossBased.Concat(ShapeBased))
        {
            var acc = run.Row("kl0001-iris", f, "\"accuracy\" → binary_accuracy");
            Assert.True(Math.Abs(acc.Value.Number!.Value - acc.Reference.Number!.Value) <= 0.1, $"{f}: {acc.Value} vs {acc.Reference}");
            Assert.True(acc.Value.Number < 0.2, $"{f}: a fitted Iris model should score a tiny \"accuracy\", got {acc.Value}");
            var mae = run.Row("kl0001-iris", f, "fixed: mae");
            Assert.True(mae.Value.Number!.Value <= mae.Reference.Number!.Value - 0.3, $"{f}: mae {mae.Value} vs constant {mae.Reference}");
        }
    }

    [Fact]
    public void KL0002_binary_accuracy_inflates_under_2x_and_later_families_report_the_truth()
    {
        foreach (var f in LossBased)
        {
            var row = run.Row("kl0002-mnist", f, "bce model");
            Assert.Contains("binary_accuracy", row.Measured);
            Assert.True(row.Value.Number >= row.Reference.Number + 0.01, $"{f}: {row.Value} should exceed the true {row.Reference} by 0.01");
        }

        foreach (var f in ShapeBased)
        {
            var row = run.Row("kl0002-mnist", f, "bce model");
            Assert.Equal(row.Reference.Number!.Value, row.Value.Number!.Value, 6);
        }

        foreach (var f in LossBased.Concat(ShapeBased))
        {
            var row = run.Row("kl0002-mnist", f, "cce model");
            Assert.Equal(row.Reference.Number!.Value, row.Value.Number!.Value, 6);
            Assert.True(row.Value.Number > 0.7, $"the quick MNIST model should learn, got {row.Value}");
            var synthetic = run.Row("kl0002-synthetic", f, "\"accuracy\"");
            Assert.InRange(synthetic.Reference.Number!.Value, 0.69, 0.71);
        }
    }

    [Fact]
    public void KL0003_categorical_accuracy_on_column_labels_reports_the_share_of_class_0()
    {
        foreach (var f in LossBased)
        {
            var row = run.Row("kl0003-mnist", f, "\"accuracy\" → categorical_accuracy");
            Assert.True(row.Value.Number < 0.25, $"{f}: {row.Value}");
            Assert.True(row.Reference.Number - row.Value.Number >= 0.5, $"{f}: {row.Value} vs {row.Reference}");
            var share = run.Row("kl0003-mnist", f, "\"accuracy\" is the share predicted 0");
            Assert.Equal(share.Reference.Number!.Value, share.Value.Number!.Value, 6);
        }

        foreach (var f in ShapeBased)
        {
            var row = run.Row("kl0003-mnist", f, "\"accuracy\" → sparse_categorical_accuracy");
            Assert.Equal(row.Reference.Number!.Value, row.Value.Number!.Value, 6);
        }
    }

    [Fact]
    public void KL0004_softmax_over_one_unit_is_one_with_zero_gradient_unless_the_loss_reads_the_cached_logit()
    {
        Assert.Equal(0, run.Row("kl0004-synthetic", "all", "max |softmax(z) − 1|").Value.Number);
        foreach (var f in new[] { "2.2", "2.3", "3" })
            Assert.Equal(0, run.Row("kl0004-synthetic", f, "binary_crossentropy: max |∂loss/∂z|").Value.Number);
        // tf.keras 2 and Keras 3 on TensorFlow: binary_crossentropy reads the softmax's input, which trains.
        foreach (var f in new[] { "tf2", "3 (tensorflow)" })
            Assert.True(run.Row("kl0004-synthetic", f, "binary_crossentropy: max |∂loss/∂z|").Value.Number > 0, f);
        foreach (var f in LossBased.Concat(ShapeBased))
        {
            var flagged = run.Row("kl0004-synthetic", f, "softmax: \"accuracy\" →");
            Assert.True(Math.Abs(flagged.Value.Number!.Value - flagged.Reference.Number!.Value) >= 0.3);
            var fixedRow = run.Row("kl0004-synthetic", f, "fixed (sigmoid)");
            Assert.Equal(fixedRow.Reference.Number!.Value, fixedRow.Value.Number!.Value, 6);
        }
    }

    [Fact]
    public void KL0005_crossentropy_on_a_linear_head_is_distorted()
    {
        foreach (var f in LossBased.Concat(ShapeBased))
        {
            var flagged = run.Row("kl0005-synthetic", f, "linear head");
            Assert.True(Math.Abs(flagged.Value.Number!.Value - flagged.Reference.Number!.Value) >= 0.5);
            var fixedRow = run.Row("kl0005-synthetic", f, "fixed (softmax)");
            Assert.Equal(fixedRow.Reference.Number!.Value, fixedRow.Value.Number!.Value, 3);
        }

        var mnist = run.Row("kl0005-synthetic", "all", "MNIST linear head");
        Assert.True(mnist.Value.Number <= mnist.Reference.Number - 0.02, $"{mnist.Value} vs {mnist.Reference}");
    }

    [Fact]
    public void KL0007_mse_on_softmax_learns_less_than_crossentropy_with_the_same_budget()
    {
        var row = run.Row("kl0007-mnist", "all", "mse: test accuracy");
        Assert.True(row.Value.Number <= row.Reference.Number - 0.03, $"{row.Value} vs {row.Reference}");
    }

    [Fact]
    public void KL0008_only_keras_22_logs_val_acc_measured_through_the_runtime_and_matching_the_cited_vectors()
    {
        Assert.Contains("val_acc", run.Row("kl0008-keys", "2.2", "keys the runtime's compile logs").Value.Text!.Split(", "));
        Assert.Equal("acts", run.Row("kl0008-keys", "2.2", "EarlyStopping(").Value.Text);
        foreach (var f in new[] { "2.3", "tf2", "3" })
        {
            var keys = run.Row("kl0008-keys", f, "keys the runtime's compile logs").Value.Text!.Split(", ");
            Assert.DoesNotContain("val_acc", keys);
            Assert.Contains("val_accuracy", keys);
        }

        Assert.Equal("warns", run.Row("kl0008-keys", "2.3", "EarlyStopping(").Value.Text);
        Assert.Equal("warns", run.Row("kl0008-keys", "tf2", "EarlyStopping(").Value.Text);
        Assert.Equal("raises_ValueError", run.Row("kl0008-keys", "3", "EarlyStopping(").Value.Text);
        foreach (var f in new[] { "2.2", "2.3", "tf2", "3" })
        {
            Assert.Equal(Evidence.Measured, run.Row("kl0008-keys", f, "EarlyStopping(").Evidence);
            var cited = run.Row("kl0008-keys", f, "EarlyStopping outcome Keras shows");
            Assert.Equal(Evidence.Cited, cited.Evidence);
            Assert.Equal(run.Row("kl0008-keys", f, "EarlyStopping(").Value.Text, cited.Value.Text);
        }
    }

    [Fact]
    public void KL0009_dropout_of_one_never_drops_as_asked()
    {
        Assert.Contains("unchanged", run.Row("kl0009-dropout", "2.2", "Keras Dropout(1.0)").Value.Text);
        Assert.Contains("unchanged", run.Row("kl0009-dropout", "2.3", "Keras Dropout(1.0)").Value.Text);
        Assert.Contains("ValueError", run.Row("kl0009-dropout", "tf2", "Keras Dropout(1.0)").Value.Text);
        Assert.Contains("zeros", run.Row("kl0009-dropout", "3", "Keras Dropout(1.0)").Value.Text);
        foreach (var f in new[] { "2.2", "2.3", "tf2", "3" })
        {
            var row = run.Row("kl0009-dropout", f, "Keras Dropout(1.0)");
            Assert.Equal(Evidence.Cited, row.Evidence);
            Assert.Contains("keras-team/keras", row.Citation);
        }

        Assert.Equal(0.0, run.Row("kl0009-dropout", "torch", "nn.Dropout(1.0): share").Value.Number);
        Assert.Equal(Evidence.Measured, run.Row("kl0009-dropout", "torch", "nn.Dropout(1.0): share").Evidence);
        Assert.Contains("first forward threw", run.Row("kl0009-dropout", "torch", "nn.Dropout(1.5)").Value.Text);
    }

    [Fact]
    public void KL0012_mode_min_on_accuracy_keeps_a_worse_checkpoint()
    {
        var row = run.Row("kl0012-checkpoint", "all", "mode=min");
        Assert.Equal(Evidence.Measured, row.Evidence);
        Assert.True(row.Value.Number < row.Reference.Number, $"{row.Value} vs {row.Reference}");
        foreach (var f in new[] { "2.2", "2.3", "tf2", "3" })
        {
            Assert.Equal("max", run.Row("kl0012-checkpoint", f, "ModelCheckpoint(").Value.Text);
        }
    }

    [Fact]
    public void KL0101_crossentropy_on_softmax_stays_above_its_floor_and_above_logits()
    {
        var floorRow = run.Row("kl0101-mnist", "torch", "softmax + CE: final training loss vs floor");
        Assert.True(floorRow.Value.Number >= Math.Log(Math.E + 9) - 1, $"{floorRow.Value}");
        var logits = run.Row("kl0101-mnist", "torch", "softmax + CE: final training loss vs logits");
        Assert.True(logits.Value.Number >= logits.Reference.Number + 0.5, $"{logits.Value} vs {logits.Reference}");
        Assert.True(logits.Reference.Number < Math.Log(Math.E + 9) - 1, "CE on logits goes below the softmax floor");
    }

    [Fact]
    public void KL0102_bce_on_logits_throws_and_with_logits_is_the_true_log_loss()
    {
        Assert.StartsWith("threw", run.Row("kl0102-synthetic", "torch", "BCELoss(logits)").Value.Text);
        var fixedRow = run.Row("kl0102-synthetic", "torch", "fixed: BCEWithLogitsLoss");
        Assert.Equal(fixedRow.Reference.Number!.Value, fixedRow.Value.Number!.Value, 4);
    }

    [Fact]
    public void KL0103_double_sigmoid_has_a_loss_floor()
    {
        var perfect = run.Row("kl0103-double-sigmoid", "torch", "perfect predictions");
        Assert.True(perfect.Value.Number >= 0.3 && perfect.Reference.Number < 1e-6, $"{perfect.Value} vs {perfect.Reference}");
        var trained = run.Row("kl0103-double-sigmoid", "torch", "MNIST: final training loss");
        Assert.True(trained.Value.Number >= trained.Reference.Number + 0.2, $"{trained.Value} vs {trained.Reference}");
    }

    [Fact]
    public void KL0104_nll_is_a_crossentropy_only_on_log_probabilities()
    {
        var soft = run.Row("kl0104-nll", "torch", "NLLLoss(softmax(z))");
        Assert.InRange(soft.Value.Number!.Value, -1, 0);
        Assert.True(soft.Reference.Number > 0.5);
        var fixedRow = run.Row("kl0104-nll", "torch", "fixed: NLLLoss(log_softmax(z))");
        Assert.Equal(fixedRow.Reference.Number!.Value, fixedRow.Value.Number!.Value, 4);
        Assert.True(run.Row("kl0104-nll", "torch", "MNIST: NLLLoss(logits)").Value.Number < -1);
    }

    [Fact]
    public void KL0105_crossentropy_on_one_unit_is_zero_and_never_learns()
    {
        Assert.Equal(0, run.Row("kl0105-mnist", "torch", "CE on 1 unit: training loss").Value.Number);
        Assert.Equal(0, run.Row("kl0105-mnist", "torch", "CE on 1 unit: max |∂loss/∂w|").Value.Number);
        Assert.Equal(0, run.Row("kl0105-mnist", "torch", "CE on 1 unit: max |w − w₀|").Value.Number);
        var frozen = run.Row("kl0105-mnist", "torch", "CE on 1 unit: test accuracy (score > 0)");
        Assert.Equal(frozen.Reference.Number!.Value, frozen.Value.Number!.Value);
        var majority = run.Row("kl0105-mnist", "torch", "CE on 1 unit: test accuracy by argmax(1)");
        Assert.Equal(majority.Reference.Number!.Value, majority.Value.Number!.Value, 9);
        Assert.InRange(majority.Reference.Number!.Value, 0.8, 0.95);
        foreach (var fix in new[] { "fixed: BCEWithLogitsLoss, 1 unit", "fixed: CrossEntropyLoss, 2 units" })
        {
            var row = run.Row("kl0105-mnist", "torch", fix);
            Assert.True(row.Value.Number >= row.Reference.Number + 0.03, $"{fix}: {row.Value} vs majority {row.Reference}");
        }
    }

    [Fact]
    public void KL0106_argmax_of_one_unit_reports_the_class_0_share_and_thresholding_the_truth()
    {
        var share = run.Row("kl0106-mnist", "torch", "argmax(1) \"accuracy\" vs the class-0 share");
        Assert.Equal(share.Reference.Number!.Value, share.Value.Number!.Value, 9);
        var truth = run.Row("kl0106-mnist", "torch", "argmax(1) \"accuracy\" vs the truth");
        Assert.True(truth.Reference.Number - truth.Value.Number >= 0.03, $"{truth.Value} vs {truth.Reference}");
        var untrained = run.Row("kl0106-mnist", "torch", "argmax(1) \"accuracy\": untrained model");
        Assert.Equal(untrained.Reference.Number!.Value, untrained.Value.Number!.Value);
        foreach (var fix in new[] { "fixed: (z > 0)", "fixed: (sigmoid(z) > 0.5)" })
        {
            var row = run.Row("kl0106-mnist", "torch", fix);
            Assert.Equal(truth.Reference.Number!.Value, row.Value.Number!.Value, 9);
        }
    }

    [Fact]
    public void KL0107_elementwise_accuracy_on_a_softmax_is_inflated()
    {
        foreach (var form in new[] { "round(softmax) == one-hot, all elements: trained", "(softmax > 0.5) == one-hot, all elements: trained" })
        {
            var row = run.Row("kl0107-mnist", "torch", form);
            Assert.True(row.Value.Number >= row.Reference.Number + 0.02, $"{form}: {row.Value} vs {row.Reference}");
        }

        var untrained = run.Row("kl0107-mnist", "torch", "round(softmax) == one-hot, all elements: untrained");
        Assert.True(untrained.Value.Number >= 0.9 - 1e-9, $"{untrained.Value}");
        Assert.True(untrained.Reference.Number < 0.3, $"an untrained model is near chance, got {untrained.Reference}");
        Assert.Equal(0.9, run.Row("kl0107-mnist", "torch", "an all-zero prediction").Value.Number!.Value, 9);
        var fixedRow = run.Row("kl0107-mnist", "torch", "fixed: argmax(1)");
        Assert.Equal(fixedRow.Reference.Number!.Value, fixedRow.Value.Number!.Value, 9);
    }

    [Fact]
    public void KL0108_mse_on_a_torch_classifier_learns_less_than_crossentropy_with_the_same_budget()
    {
        var probabilities = run.Row("kl0108-mnist", "torch", "MSELoss on softmax");
        Assert.True(probabilities.Value.Number <= probabilities.Reference.Number - 0.03, $"{probabilities.Value} vs {probabilities.Reference}");
        var logits = run.Row("kl0108-mnist", "torch", "MSELoss on logits");
        Assert.True(logits.Value.Number <= logits.Reference.Number - 0.03, $"{logits.Value} vs {logits.Reference}");
    }

    [Fact]
    public void KL0109_bce_after_softmax_learns_less_than_crossentropy_and_has_a_floor()
    {
        foreach (var loss in new[] { "BCELoss after softmax: test accuracy", "BCEWithLogitsLoss after softmax: test accuracy" })
        {
            var row = run.Row("kl0109-mnist", "torch", loss);
            Assert.True(row.Value.Number <= row.Reference.Number - 0.05, $"{loss}: {row.Value} vs {row.Reference}");
        }

        var floor = run.Row("kl0109-mnist", "torch", "perfect predictions");
        Assert.True(floor.Value.Number >= 0.5 && floor.Reference.Number < 1e-6, $"{floor.Value} vs {floor.Reference}");
        var trained = run.Row("kl0109-mnist", "torch", "BCEWithLogitsLoss after softmax: final training loss");
        Assert.True(trained.Value.Number >= trained.Reference.Number, $"{trained.Value} vs {trained.Reference}");
    }

    [Fact]
    public void KL0110_exact_equality_on_a_regression_is_about_zero_and_mae_tells_the_models_apart()
    {
        var hits = run.Row("kl0110-iris", "torch", "pred == target \"accuracy\": fitted vs constant");
        Assert.True(hits.Value.Number < 0.05 && hits.Reference.Number < 0.05, $"{hits.Value} vs {hits.Reference}");
        var mae = run.Row("kl0110-iris", "torch", "fixed: MAE");
        Assert.True(mae.Value.Number <= mae.Reference.Number - 0.3, $"{mae.Value} vs {mae.Reference}");
        Assert.All(run.Scenario("kl0110-iris").Rows, r => Assert.Equal(Evidence.Measured, r.Evidence));
    }

    [Fact]
    public void No_row_compares_two_statements_authored_here()
    {
        // A cited row either states Keras's behaviour (checked by nothing in the run) or puts the cited fact next to
        // what the runtime computed in this run; a measured row's value is computed in the run.
        foreach (var r in run.Results)
        {
            foreach (var row in r.Rows.Where(x => x.Evidence == Evidence.Cited))
            {
                Assert.True(row.Check.Relation == Relation.Stated || row.ReferenceLabel.StartsWith("the runtime", StringComparison.Ordinal), $"{r.Id} {row.Family} {row.Measured}: cited against '{row.ReferenceLabel}'");
            }

            Assert.DoesNotContain(r.Rows, x => x.ReferenceLabel is "claimed" or "names");
            Assert.All(r.Rows.Where(x => x.Evidence == Evidence.Measured), x => Assert.NotEqual(Relation.Stated, x.Check.Relation));
        }
    }

    [Fact]
    public void Every_row_is_measured_or_cited_and_every_cited_row_names_its_keras_source()
    {
        foreach (var r in run.Results)
        {
            foreach (var row in r.Rows.Where(x => x.Evidence == Evidence.Cited))
            {
                Assert.False(string.IsNullOrWhiteSpace(row.Citation), $"{r.Id} {row.Measured}");
                // Keras rows cite keras-team/keras; TensorFlow.NET rows (KL0006, KL0011) cite SciSharp/TensorFlow.NET.
                Assert.True(row.Citation!.Contains("keras-team/keras", StringComparison.Ordinal) || row.Citation.Contains("SciSharp/TensorFlow.NET", StringComparison.Ordinal), $"{r.Id} {row.Measured}: {row.Citation}");
            }
        }

        // The resolution-dependent scenarios show their compile step as a cited row next to the measured values.
        foreach (var id in new[] { "kl0001-iris", "kl0002-mnist", "kl0002-synthetic", "kl0003-mnist", "kl0003-synthetic", "kl0004-synthetic" })
        {
            var rows = run.Scenario(id).Rows;
            Assert.Contains(rows, x => x.Evidence == Evidence.Cited && x.Measured.StartsWith("compile:", StringComparison.Ordinal));
            Assert.Contains(rows, x => x.Evidence == Evidence.Measured);
        }
    }
}
