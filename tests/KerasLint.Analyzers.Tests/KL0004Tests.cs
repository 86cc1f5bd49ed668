using static KerasLint.Analyzers.Tests.Infrastructure.KerasCode;

namespace KerasLint.Analyzers.Tests
{
    public class KL0004Tests
    {
        private static Task Fix(string before, string after, string? family = null) =>
            FixTest<KL0004SoftmaxOnOneUnitAnalyzer, KL0004SoftmaxOnOneUnitCodeFixProvider>.Run(InMethod(before), InMethod(after), family);

        [Fact]
        public Task DenseArgument_FixesToSigmoid() => Fix(@"        var model = new Sequential();
        model.Add(new Dense(8, activation: ""relu"", input_shape: new Shape(4)));
        model.Add(new Dense(1, activation: {|KL0004:""softmax""|})); // binary head
        model.Compile(optimizer: ""adam"", loss: ""binary_crossentropy"");
", @"        var model = new Sequential();
        model.Add(new Dense(8, activation: ""relu"", input_shape: new Shape(4)));
        model.Add(new Dense(1, activation: ""sigmoid"")); // binary head
        model.Compile(optimizer: ""adam"", loss: ""binary_crossentropy"");
");
    }
}
