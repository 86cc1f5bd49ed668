using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using KerasLint.Bench.Runtime;

// Default: a short in-process job (1 launch, 2 warmups, 5 iterations) so the 24 cases take a few minutes on 2 cores.
// Any BenchmarkDotNet option still works, e.g. `--filter *binary*` or `--job short`; `--full` drops the short job.
var full = args.Contains("--full");
args = args.Where(a => a != "--full").ToArray();
var config = DefaultConfig.Instance.WithOptions(ConfigOptions.DisableOptimizationsValidator);
if (!full)
{
    config = config.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance)
        .WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(5).WithId("fast"));
}

var summaries = BenchmarkSwitcher.FromTypes(new[] { typeof(RuntimeUpdateBench) }).Run(args.Length == 0 ? new[] { "--filter", "*" } : args, config);

// Ratios side by side: runtime / copy and runtime / plain TorchSharp ops, per metric and size.
foreach (var summary in summaries)
{
    var rows = summary.Reports.Where(r => r.ResultStatistics is not null)
        .GroupBy(r => (Metric: (string)r.BenchmarkCase.Parameters["Metric"], N: (int)r.BenchmarkCase.Parameters["N"]))
        .OrderBy(g => g.Key.Metric, StringComparer.Ordinal).ThenBy(g => g.Key.N);
    Console.WriteLine();
    Console.WriteLine("| metric | N | copy (ms) | torch ops (ms) | runtime (ms) | runtime/copy | runtime/torch ops |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
    foreach (var g in rows)
    {
        double Ms(string method) => g.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method)?.ResultStatistics?.Mean / 1e6 ?? double.NaN;
        double copy = Ms("Copy"), ops = Ms("TorchOps"), rt = Ms("Runtime");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {g.Key.Metric} | {g.Key.N:0.#e0} | {copy:0.00} | {ops:0.00} | {rt:0.00} | {rt / copy:0.00}x | {rt / ops:0.00}x |"));
    }
}
