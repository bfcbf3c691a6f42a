using BenchmarkDotNet.Running;
using ParticipativeDemocracy.Benchmarks.Sortition;

return args is ["draw", _, ..] ? DrawRun.Run(args) : Run(args);

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
