using System.Diagnostics;
using System.Globalization;
using System.Text;
using DocGen.Benchmarks;

// dotnet run -c Release --project benchmarks/DocGen.Benchmarks [-- --smoke] [-- --only compile|validate|seed|tables|peer|service|pdf|hostile]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
Console.OutputEncoding = Encoding.UTF8;
if (args is ["--child-table", var size])
{
    return Harness.ChildTable(int.Parse(size, CultureInfo.InvariantCulture));
}

if (args is ["--child-check", var checkSize])
{
    return Harness.ChildCheck(int.Parse(checkSize, CultureInfo.InvariantCulture));
}

var smoke = args.Contains("--smoke");
if (args is ["--child-hostile", var shape])
{
    return HostileBenchmark.Child(new Report(child: true), shape);
}

if (args is ["--child-service", ..])
{
    await new ServiceBenchmark(smoke, new Report(child: true)).RunAsync();
    return 0;
}

if (args is ["--child-pdf", ..])
{
    await new PdfBenchmark(smoke, new Report(child: true)).RunAsync();
    return 0;
}

var only = args.SkipWhile(static a => a != "--only").Skip(1).FirstOrDefault();
var report = new Report();
var harness = new Harness(smoke, report);
if (!Debugger.IsAttached && typeof(Harness).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false).OfType<DebuggableAttribute>().Any(static d => d.IsJITOptimizerDisabled))
{
    Console.WriteLine("warning: a Debug build; run with -c Release for real figures");
}

Console.WriteLine($"DocGen benchmarks — {Environment.ProcessorCount} cores, .NET {Environment.Version}, {(smoke ? "smoke pass" : "full run")}");
if (only is null or "compile") harness.Compile();
if (only is null or "validate") harness.Validate();
if (only is null or "seed") harness.RenderSeed();
if (only is null or "tables") harness.Tables();
if (only is null or "peer") new PeerBenchmark(smoke, report, Harness.Pipeline).Run();
if (only is null or "service") Bench.RunChild(report, smoke ? ["--child-service", "--smoke"] : ["--child-service"]);
if (only is null or "pdf") Bench.RunChild(report, smoke ? ["--child-pdf", "--smoke"] : ["--child-pdf"]);
if (only is null or "hostile") HostileBenchmark.Run(report, smoke);
report.Print();
return 0;
