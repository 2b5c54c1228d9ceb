using Microsoft.Extensions.Configuration;
using Sipoi.Web.Cli;

namespace Sipoi.Web.Tests.Infraestructura;

/// <summary>Runs the <c>sipoi</c> command line against the test database and returns its exit code, output and errors.</summary>
public static class Cli
{
    /// <summary>
    /// The errors are what the command line writes to its error writer and what a command writes to <see cref="Console.Error"/>
    /// (the import commands list a refused file's problems there).
    /// </summary>
    public static async Task<(int Codigo, string Salida, string Errores)> CliAsync(this AppDePrueba app, params string[] args)
    {
        var configuracion = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Sipoi"] = app.Base.Conexion })
            .Build();
        var salida = new StringWriter();
        var errores = new StringWriter();
        var original = Console.Error;
        Console.SetError(errores);
        try
        {
            var codigo = await LineaDeComandos.EjecutarAsync(args, salida, configuracion, errores: errores);
            return (codigo, salida.ToString(), errores.ToString());
        }
        finally
        {
            Console.SetError(original);
        }
    }
}
