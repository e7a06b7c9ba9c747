using System.CommandLine;
using Triage.Cli.Commands;

var root = new RootCommand("triage: the Triage service's command line (data, keys, and calls to a running service).")
{
    DataCommands.Create(),
    TrainCommand.Create(),
    EvaluateCommand.Create(),
    KeysCommand.Create(),
    TicketCommand.Create(),
    RetrievalCommands.Create(),
    IngestCommand.Create(),
    ExportCommand.Create(),
    StatsCommand.Create(),
    BenchCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
