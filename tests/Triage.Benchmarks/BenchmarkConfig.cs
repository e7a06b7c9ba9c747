using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;

namespace Triage.Benchmarks;

/// <summary>Every suite prints mean, median, p95, p99 and allocations, the figures the targets are written in.</summary>
internal static class BenchmarkConfig
{
    public static IConfig Create() => DefaultConfig.Instance
        .AddColumn(StatisticColumn.Median, StatisticColumn.P95, new P99Column())
        .AddDiagnoser(MemoryDiagnoser.Default);
}
