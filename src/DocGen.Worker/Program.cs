using System.Text;
using DocGen.Worker.Cli;

Console.OutputEncoding = Encoding.UTF8;
return await DocGenCli.RunAsync(args, Console.Out, Console.Error);
