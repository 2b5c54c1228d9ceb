using Sipoi.Web.Arranque;
using Sipoi.Web.Cli;

// One executable, two faces: `sipoi import|export|evaluate|entidades …` runs a command;
// anything else (no arguments, `servir`, or the test host's arguments) serves the web app.
if (LineaDeComandos.EsComando(args))
    return await LineaDeComandos.EjecutarAsync(args);
// A mistyped command must not quietly start a web server on the default port.
if (LineaDeComandos.PalabraDesconocida(args) is { } palabra)
{
    Console.Error.WriteLine($"Error: comando desconocido «{palabra}». Ejecute ./sipoi ayuda para ver los comandos.");
    return 2;
}

var app = SipoiWeb.Construir(args.Where(a => a != "servir").ToArray());
await app.RunAsync();
return 0;

public partial class Program;
