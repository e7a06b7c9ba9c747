using BenchmarkDotNet.Running;
using Triage.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchmarkConfig.Create());

/// <summary>Entry point.</summary>
public partial class Program;
