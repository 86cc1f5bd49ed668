using KerasLint.Knowledge;
using static KerasLint.Analyzers.Tests.Infrastructure.KerasCode;

namespace KerasLint.Analyzers.Tests
{
    /// <summary>
    /// A loss string that names a loss class ("CategoricalCrossentropy") under standalone Keras 2.3.x: losses.get returns
    /// the class itself and compile fails (KerasCatalog.ClassNameLossBehaviour; vector vr-ls01 in
    /// tests/data/version-range-vectors.json). KL0010, with a fix to the lower-case function name. tf.keras instantiates the
    /// class (vr-ls02) and the upper-case function aliases are functions (vr-ls03): silent.
    /// </summary>
    public class LossClassNameTests
    {
        private static string Setup(string loss) => $@"        var model = new Sequential();
        model.Add(new Dense(3, activation: ""softmax""));
        model.Compile(optimizer: ""adam"", loss: {loss}, metrics: new[] {{ ""accuracy"" }});
        model.Fit(x, y);
";

        [Fact]
        public Task Standalone_231_class_name_loss_is_reported() =>
            AllRulesTest.Run(InMethod(Setup(@"{|KL0010:""CategoricalCrossentropy""|}")), "2.3.1");

        [Theory]
        [InlineData("tf.keras 2.15.0", @"""CategoricalCrossentropy""")]
        [InlineData("2.5.0", @"""CategoricalCrossentropy""")]
        [InlineData("3.15.1", @"""CategoricalCrossentropy""")]
        [InlineData("tf.keras 2.1", @"""CategoricalCrossentropy""")]
        [InlineData("2.3", @"""CategoricalCrossentropy""")] // the family alone: tf.keras 2.0/2.1 instantiate it
        [InlineData("2.3.1", @"""categorical_crossentropy""")]
        public Task Class_name_loss_elsewhere_Silent(string version, string loss) =>
            AllRulesTest.Run(InMethod(Setup(loss)), version);

        [Fact]
        public Task Fix_writes_the_function_name() =>
            FixTest<KL0010UnknownIdentifierAnalyzer, KL0010UnknownIdentifierCodeFixProvider>.Run(
                InMethod(Setup(@"{|KL0010:""CategoricalCrossentropy""|}")),
                InMethod(Setup(@"""categorical_crossentropy""")), "2.3.1", "KL0010.Recommended");

        [Theory]
        [InlineData("CategoricalCrossentropy", true)]
        [InlineData("BinaryCrossentropy", true)]
        [InlineData("Huber", true)]
        [InlineData("MSE", false)] // mse = MSE = mean_squared_error (2.3.1 keras/losses.py 751): a function
        [InlineData("KLD", false)]
        [InlineData("mean_squared_error", false)]
        [InlineData("NotALoss", false)]
        public void Standalone_231_fails_on_loss_class_names_only(string loss, bool fails)
        {
            Assert.True(KerasVersion.TryParse("2.3.1", out var v));
            Assert.Equal(fails, KerasCatalog.ClassNameLossBehaviour(v, loss) != null);
            Assert.Null(KerasCatalog.ClassNameLossBehaviour(KerasVersion.Of(KerasFamily.Keras23), loss));
        }
    }
}
