using Sipoi.Web.Arranque;
using Sipoi.Web.Cli;

// One executable, two faces: `sipoi import|export|evaluate|entidades …` runs a command;
// anything else (no arguments, `servir`, or the test host's arguments) serves the web app.
if (LineaDeComandos.EsComando(args))
    return await LineaDeComandos.EjecutarAsync(args);

var app = SipoiWeb.Construir(args.Where(a => a != "servir").ToArray());
await app.RunAsync();
return 0;

public partial class Program;
