using KerasLint.Cli;

namespace KerasLint.Proofs.Tests;

/// <summary>The prove command's option handling (exit code 2 and a message naming the bad value).</summary>
public sealed class CliTests
{
    private static (int Code, string Error) Run(string? rule, string family, string device, string format)
    {
        var old = Console.Error;
        var err = new StringWriter();
        Console.SetError(err);
        try
        {
            return (ProveCommand.Run(rule, family, device, format, quick: true, updateDocs: null), err.ToString());
        }
        finally
        {
            Console.SetError(old);
        }
    }

    [Fact]
    public void Unknown_rule_is_named_with_the_rules_that_have_proofs()
    {
        var (code, error) = Run("KL9999", "all", "cpu", "text");
        Assert.Equal(2, code);
        Assert.Contains("KL9999", error);
        Assert.Contains("KL0002", error);
    }

    [Fact]
    public void Unknown_family_and_format_and_device_are_named()
    {
        var (code, error) = Run(null, "4.0", "cpu", "text");
        Assert.Equal(2, code);
        Assert.Contains("--family '4.0'", error);
        (code, error) = Run(null, "all", "cpu", "yaml");
        Assert.Equal(2, code);
        Assert.Contains("--format 'yaml'", error);
        (code, error) = Run(null, "all", "tpu", "text");
        Assert.Equal(2, code);
        Assert.Contains("Unknown device 'tpu'", error);
    }

    [Fact]
    public void Cuda_without_cuda_is_a_clear_error()
    {
        if (TorchSharp.torch.cuda.is_available()) return; // a GPU machine runs the proofs there instead
        var (code, error) = Run(null, "all", "cuda", "text");
        Assert.Equal(2, code);
        Assert.Contains("no CUDA device", error);
    }

    [Fact]
    public void One_rule_one_family_as_json_exits_zero_when_the_claim_holds()
    {
        var old = Console.Out;
        var output = new StringWriter();
        Console.SetOut(output);
        int code;
        try
        {
            code = Run("KL0003", "2.2", "cpu", "json").Code;
        }
        finally
        {
            Console.SetOut(old);
        }

        Assert.Equal(0, code);
        var json = System.Text.Json.JsonDocument.Parse(output.ToString());
        Assert.True(json.RootElement.GetProperty("holds").GetBoolean());
        var scenarios = json.RootElement.GetProperty("scenarios");
        Assert.All(scenarios.EnumerateArray(), s => Assert.Equal("KL0003", s.GetProperty("rule").GetString()));
        Assert.All(scenarios.EnumerateArray(), s => Assert.All(s.GetProperty("rows").EnumerateArray(), r => Assert.Equal("2.2", r.GetProperty("family").GetString())));

        // Every row says what it rests on; the compile step is cited (with its Keras source), the values measured.
        var rows = scenarios.EnumerateArray().SelectMany(s => s.GetProperty("rows").EnumerateArray()).ToList();
        Assert.All(rows, r => Assert.Contains(r.GetProperty("evidence").GetString(), new[] { "measured", "cited" }));
        Assert.Contains(rows, r => r.GetProperty("evidence").GetString() == "measured");
        var cited = rows.Where(r => r.GetProperty("evidence").GetString() == "cited").ToList();
        Assert.NotEmpty(cited);
        Assert.All(cited, r => Assert.Contains("keras-team/keras", r.GetProperty("citation").GetString()));
    }
}
