using static KerasLint.Analyzers.Tests.Infrastructure.KerasCode;

namespace KerasLint.Analyzers.Tests
{
    /// <summary>Where compile calls can be: top-level statements, lambdas, local functions, field initialisers.</summary>
    public class RecognizerEdgeTests
    {
        [Fact]
        public Task TopLevelStatements()
        {
            var test = new AllRulesTest(Usings + @"var model = new Sequential();
model.Add(new Dense(1));
model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: new[] { {|KL0001:""accuracy""|} });
");
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            return test.RunAsync();
        }

        [Fact]
        public Task InsideLambda() => AllRulesTest.Run(InMethod(@"        Action train = () =>
        {
            var model = new Sequential();
            model.Add(new Dense(3, activation: ""softmax""));
            model.Compile(optimizer: ""adam"", loss: {|KL0007:""mse""|});
        };
"));

        [Fact]
        public Task InsideLocalFunction() => AllRulesTest.Run(InMethod(@"        void Build()
        {
            var model = new Sequential();
            model.Add(new Dense(1, activation: {|KL0004:""softmax""|}));
            model.Compile(optimizer: ""adam"", loss: ""hinge"");
        }
"));

        [Fact]
        public Task ModelInFieldIsUnknownHead() => AllRulesTest.Run(InMethod(@"        field.Add(new Dense(3, activation: ""softmax""));
        field.Compile(optimizer: ""adam"", loss: ""mse"", metrics: new[] { ""mae"" });
", "    private Sequential field = new Sequential();\n    void Reset(Sequential other) => field = other;\n"));

        // The whole-program flow follows a field with one value (CrossMember/KerasNetCrossMemberTests has the other patterns).
        [Fact]
        public Task ModelInFieldWithOneValue_HeadFollowed() => AllRulesTest.Run(InMethod(@"        field.Add(new Dense(3, activation: ""softmax""));
        field.Compile(optimizer: ""adam"", loss: {|KL0007:""mse""|}, metrics: new[] { ""mae"" });
", "    private readonly Sequential field = new Sequential();\n"));

        [Fact]
        public Task ConditionalAccessIsUnknown() => AllRulesTest.Run(InMethod(@"        Sequential? model = x == null ? null : new Sequential();
        model?.Add(new Dense(1, activation: ""softmax""));
        model?.Compile(optimizer: ""adam"", loss: ""hinge"");
"));
    }
}
