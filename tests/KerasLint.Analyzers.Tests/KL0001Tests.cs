using static KerasLint.Analyzers.Tests.Infrastructure.KerasCode;

namespace KerasLint.Analyzers.Tests
{
    /// <summary>KL0001 variants: literal, const, local, named/positional, functional, helper-built, subclass receiver.</summary>
    public class KL0001Tests
    {
        private static Task Fix(string before, string after, string key = "KL0001.Recommended", string? family = null, string members = "") =>
            FixTest<KL0001AccuracyOnRegressionAnalyzer, KL0001AccuracyOnRegressionCodeFixProvider>.Run(InMethod(before, members), InMethod(after, members), family, key);

        private const string PositionalArguments = @"        var model = new Sequential();
        model.Add(new Dense(1, input_dim: 3));
        model.Compile(""adam"", ""mae"", new[] { {|KL0001:""acc""|} });
";

        [Fact]
        public async Task ImplicitArrayWithOneElement_NoRemoval()
        {
            var d = await Direct.Single(InMethod(ReportedCasesTests.Plain(PositionalArguments)), "KL0001");
            Assert.Equal(new[] { "KL0001.ReplaceWithNaturalMetric" }, FixPlan.Read(d).Select(a => a.EquivalenceKey));
        }

        [Fact]
        public Task Positional() => AllRulesTest.Run(InMethod(PositionalArguments));

        [Fact]
        public Task Positional_FixUsesMseForMae() => Fix(PositionalArguments, ReportedCasesTests.Plain(PositionalArguments).Replace(@"""acc""", @"""mse"""));

        private const string ConstMetric = @"        var model = new Sequential();
        model.Add(new Dense(1, activation: ""relu"", input_shape: new Shape(3)));
        model.Compile(optimizer: ""adam"", loss: Loss, metrics: new string[] { {|KL0001:Metric|} });
";

        private const string ConstMembers = "    const string Metric = \"accuracy\";\n    const string Loss = \"mean_absolute_percentage_error\";\n";

        [Fact]
        public Task ConstLossAndMetric() => AllRulesTest.Run(InMethod(ConstMetric, ConstMembers));

        [Fact]
        public async Task ConstMetric_OffersReplacingTheUseAndRemoval()
        {
            // A const may be used elsewhere: the use is replaced with a literal (the const stays); removing the element is safe too.
            var src = InMethod(ReportedCasesTests.Plain(ConstMetric), ConstMembers);
            var d = await Direct.Single(src, "KL0001");
            var actions = FixPlan.Read(d);
            Assert.Equal(new[] { "KL0001.ReplaceWithNaturalMetric", "KL0001.RemoveMetric" }, actions.Select(a => a.EquivalenceKey));
        }

        [Fact]
        public Task ConstMetric_ReplaceFixEditsTheUse() => Fix(ConstMetric, ReportedCasesTests.Plain(ConstMetric).Replace("new string[] { Metric }", @"new string[] { ""mae"" }"), members: ConstMembers);

        [Fact]
        public Task ConstMetric_RemoveFix() => Fix(ConstMetric, ReportedCasesTests.Plain(ConstMetric).Replace("new string[] { Metric }", "new string[] { }"), "KL0001.RemoveMetric", members: ConstMembers);

        private const string LocalMetricsArray = @"        var model = new Sequential();
        model.Add(new Dense(1));
        var metrics = new string[] { {|KL0001:""accuracy""|}, ""mse"" };
        model.Compile(optimizer: ""sgd"", loss: ""huber"", metrics: metrics);
";

        [Fact]
        public Task LocalArray() => AllRulesTest.Run(InMethod(LocalMetricsArray), "3");

        [Fact]
        public Task LocalArray_FixEditsTheLocalsLiteral() => Fix(LocalMetricsArray, ReportedCasesTests.Plain(LocalMetricsArray).Replace(@"""accuracy""", @"""mae"""), family: "3");

        private const string LocalString = @"        string metric = ""acc""; // what we report
        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""sgd"", loss: ""mse"", metrics: new[] { {|KL0001:metric|} });
";

        [Fact]
        public Task LocalString_FixAtDeclarationKeepsComment() => Fix(LocalString, ReportedCasesTests.Plain(LocalString).Replace(@"""acc""", @"""mae"""));

        private const string InlineTwoMetrics = @"        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""sgd"", loss: ""mse"", metrics: new[] { {|KL0001:""accuracy""|}, ""mae"" /* keep */ });
";

        [Fact]
        public Task NaturalMetricAlreadyPresent_OnlyRemoval() => Fix(InlineTwoMetrics, ReportedCasesTests.Plain(InlineTwoMetrics).Replace(@"""accuracy"", ", ""), "KL0001.Recommended");

        private const string ReadonlyField = @"        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""sgd"", loss: LossName, metrics: new[] { {|KL0001:""accuracy""|} });
";

        [Fact]
        public Task ReadonlyFieldLoss() => AllRulesTest.Run(InMethod(ReadonlyField, "    private static readonly string LossName = \"mean_squared_error\";\n"));

        [Fact]
        public Task ReassignedField_IsUnknown_Silent() => AllRulesTest.Run(InMethod(ReportedCasesTests.Plain(ReadonlyField),
            "    private readonly string LossName = \"mean_squared_error\";\n    C(bool b) { if (b) LossName = \"binary_crossentropy\"; }\n"));

        private const string Functional = @"        var input = new Input(new Shape(8));
        var hidden = new Dense(32, activation: ""relu"").Set(input);
        var output = new Dense(1).Set(hidden);
        var model = new Model(new BaseLayer[] { input }, new BaseLayer[] { output });
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: new[] { {|KL0001:""accuracy""|} });
";

        [Fact]
        public Task FunctionalModel() => AllRulesTest.Run(InMethod(Functional));

        [Fact]
        public Task FunctionalModel_Fix() => Fix(Functional, ReportedCasesTests.Plain(Functional).Replace(@"""accuracy""", @"""mae"""));

        private const string Helper = @"        var model = BuildModel();
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: new[] { {|KL0001:""accuracy""|} });
";

        private const string HelperMember = @"    static Sequential BuildModel()
    {
        var m = new Sequential();
        m.Add(new Dense(16, activation: ""relu"", input_shape: new Shape(4)));
        m.Add(new Dense(1));
        return m;
    }
";

        [Fact]
        public Task HelperBuiltModel() => AllRulesTest.Run(InMethod(Helper, HelperMember));

        [Fact]
        public Task HelperBuiltSigmoidHead_IsKL0007NotKL0001() => AllRulesTest.Run(InMethod(@"        var model = BuildModel();
        model.Compile(optimizer: ""adam"", loss: {|KL0007:""mse""|}, metrics: new[] { ""accuracy"" });
", HelperMember.Replace("new Dense(1)", "new Dense(1, activation: \"sigmoid\")")));

        [Fact]
        public Task UserSubclassReceiver_UnknownHead_StillFires() => AllRulesTest.Run(Usings + @"class Regressor : Sequential
{
    public void Setup()
    {
        Compile(optimizer: ""adam"", loss: ""mean_squared_logarithmic_error"", metrics: new[] { {|KL0001:""accuracy""|} });
    }
}
");

        [Fact]
        public Task BaseModelReceiver() => AllRulesTest.Run(InMethod(@"        BaseModel model = BaseModel.LoadModel(""m.h5"");
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: new[] { {|KL0001:""acc""|} });
"));

        [Fact]
        public Task StringArrayLossOverload() => AllRulesTest.Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: new[] { ""mse"" }, metrics: new[] { {|KL0001:""accuracy""|} });
"));

        [Fact]
        public Task Keras22Message_NamesFamilyAndRounding() => Direct.Single(InMethod(ReportedCasesTests.Plain(Functional)), "KL0001", "2.2")
            .ContinueWith(t => Assert.Contains("in Keras.NET, Keras 2.2", t.Result.GetMessage()));

        [Fact]
        public async Task KerasNet385_DefaultsToTfKeras()
        {
            var d = await Direct.Single(InMethod(ReportedCasesTests.Plain(Functional)), "KL0001");
            Assert.Contains("in Keras.NET, tf.keras 2.x", d.GetMessage());
        }

        [Theory]
        [InlineData("relu")]
        [InlineData("linear")]
        [InlineData("")]
        public Task UnboundedOrLinearHeads(string activation) => AllRulesTest.Run(InMethod($@"        var model = new Sequential();
        model.Add(new Dense(1, activation: ""{activation}""));
        model.Compile(optimizer: ""adam"", loss: ""logcosh"", metrics: new[] {{ {{|KL0001:""accuracy""|}} }});
"), "tf2");

        [Fact]
        public Task Negative_RegressionMetricsOnly() => AllRulesTest.Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: new[] { ""mae"", ""mape"" });
"));

        [Fact]
        public Task Negative_NoMetrics() => AllRulesTest.Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: ""mse"");
"));

        [Fact]
        public Task Negative_NonConstantMetric() => AllRulesTest.Run(InMethod(@"        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: new[] { Environment.GetEnvironmentVariable(""M"") });
"));

        [Fact]
        public Task Negative_MetricLocalAssignedTwice() => AllRulesTest.Run(InMethod(@"        var metric = ""accuracy"";
        if (x == null) metric = ""mae"";
        var model = new Sequential();
        model.Add(new Dense(1));
        model.Compile(optimizer: ""adam"", loss: ""mse"", metrics: new[] { metric });
"));

        [Fact]
        public Task FixAll_TwoModels() => Fix(@"        var a = new Sequential();
        a.Add(new Dense(1));
        a.Compile(optimizer: ""adam"", loss: ""mse"", metrics: new[] { {|KL0001:""accuracy""|} });
        var b = new Sequential();
        b.Add(new Dense(1));
        b.Compile(optimizer: ""adam"", loss: ""mae"", metrics: new[] { {|KL0001:""acc""|} });
", @"        var a = new Sequential();
        a.Add(new Dense(1));
        a.Compile(optimizer: ""adam"", loss: ""mse"", metrics: new[] { ""mae"" });
        var b = new Sequential();
        b.Add(new Dense(1));
        b.Compile(optimizer: ""adam"", loss: ""mae"", metrics: new[] { ""mse"" });
");
    }
}
