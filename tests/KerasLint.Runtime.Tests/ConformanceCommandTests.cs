using KerasLint.Cli;
using Xunit;

namespace KerasLint.Runtime.Tests;

public class ConformanceCommandTests
{
    private static (int Code, string Out, string Err) Run(string path, string device = "cpu")
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = ConformanceCommand.Run(new FileInfo(path), device, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void All_visible_vectors_pass_through_the_command()
    {
        var (code, output, _) = Run(Path.Combine(AppContext.BaseDirectory, "data", "conformance-vectors.json"));
        Assert.Equal(0, code);
        Assert.EndsWith("60 passed, 0 failed", output.TrimEnd());
    }

    [Fact]
    public void Every_data_file_runs_together_numeric_and_compile_time_cases_counted_apart()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "data");
        var files = new[] { "conformance-vectors.json", "keras2-conformance-vectors.json", "resolution-vectors.json" }.Select(f => new FileInfo(Path.Combine(dir, f))).ToArray();
        var o = new StringWriter();
        var code = ConformanceCommand.Run(files, "cpu", o, new StringWriter());
        var text = o.ToString();
        Assert.Equal(0, code);
        Assert.Contains("numeric: 168 passed, 0 failed", text);
        Assert.Contains("resolution and callback: 82 passed, 0 failed", text);
        Assert.EndsWith("250 passed, 0 failed", text.TrimEnd());
    }

    [Fact]
    public void A_failing_case_is_printed_and_exits_1()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "[{\"id\": \"w1\", \"keras_version\": \"tf.keras 2.15.0\", \"kind\": \"metric\", \"fn\": \"binary_crossentropy\", \"args\": {}, \"y_true\": [[1, 0], [1, 0]], \"y_pred\": [[1.0, 1.0], [1.0, 0.0]], \"sample_weight\": null, \"expected\": 3.98559, \"tolerance\": 0.001}]");
            var (code, output, _) = Run(path);
            Assert.Equal(1, code);
            Assert.Contains("w1", output);
            Assert.Contains("expected 3.98559", output);
            Assert.Contains("got 3.83", output);
            Assert.EndsWith("0 passed, 1 failed", output.TrimEnd());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Unreadable_or_invalid_files_exit_2_with_a_message()
    {
        var missing = Run("/nonexistent/vectors.json");
        Assert.Equal(2, missing.Code);
        Assert.Contains("Cannot read", missing.Err);

        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "{ not json");
            var bad = Run(path);
            Assert.Equal(2, bad.Code);
            Assert.Contains("not valid JSON", bad.Err);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
