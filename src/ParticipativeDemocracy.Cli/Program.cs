using ParticipativeDemocracy.Cli;

return PdCommand.Create().Parse(args).Invoke();
