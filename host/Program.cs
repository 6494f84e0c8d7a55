return await Satchel.Cli.SatchelCli.RunAsync(args);
