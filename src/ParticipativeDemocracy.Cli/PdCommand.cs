using System.CommandLine;

namespace ParticipativeDemocracy.Cli;

/// <summary>The root of the <c>pd</c> tool; each verb lives in its own file.</summary>
internal static class PdCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("pd: count participatory budgets and draw citizens' panels, exactly and reproducibly.");
        root.Subcommands.Add(TallyCommand.Create());
        root.Subcommands.Add(CompareCommand.Create());
        root.Subcommands.Add(DrawCommand.Create());
        return root;
    }
}
