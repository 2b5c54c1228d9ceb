using System.Diagnostics;
using Sipoi.Web.Cli;

namespace Sipoi.Web.Tests.Cli;

/// <summary>
/// A mistyped command prints the usage and exits non-zero, in the script and in the executable:
/// before, any unknown word silently started a web server on port 5000 (issue 15).
/// </summary>
public sealed class ComandoDesconocidoTests
{
    [Theory]
    [InlineData("respaldos", "respaldos")]
    [InlineData("exportar", "exportar")]
    [InlineData("servir", null)]
    [InlineData("import", null)]
    [InlineData("respaldo", null)]
    [InlineData("--urls", null)]
    [InlineData("--environment=Development", null)]
    public void PalabraDesconocida_SoloParaUnaPalabraQueNoEsComandoNiOpcion(string primera, string? esperada) =>
        Assert.Equal(esperada, LineaDeComandos.PalabraDesconocida([primera, "x"]));

    [Fact]
    public void PalabraDesconocida_SinArgumentosSirveLaWeb() => Assert.Null(LineaDeComandos.PalabraDesconocida([]));

    [Fact]
    public async Task Script_ComandoMalEscrito_ImprimeElUsoYTerminaConCodigo2()
    {
        var (codigo, salida, errores) = await ScriptAsync("respaldos", "--salida", "x.dump");
        Assert.Equal(2, codigo);
        Assert.Equal("", salida);
        Assert.Contains("sipoi: comando desconocido: «respaldos».", errores);
        Assert.Contains("Uso: ./sipoi COMANDO", errores);
        Assert.Contains("respaldo --salida F", errores);
    }

    [Fact]
    public async Task Script_Ayuda_ListaCadaComandoDelEjecutable()
    {
        var (codigo, salida, _) = await ScriptAsync("ayuda");
        Assert.Equal(0, codigo);
        // Every command the executable knows is in the usage, so the script lets it through.
        foreach (var comando in new[] { "entidad", "entidades", "esquema-sql", "import", "import-excel", "export", "evaluate", "reporte", "publicar", "usuario", "migrar", "respaldo", "restaurar" })
        {
            Assert.True(LineaDeComandos.EsComando([comando]), comando);
            Assert.Contains("\n  " + comando + " ", salida);
        }
    }

    private static async Task<(int Codigo, string Salida, string Errores)> ScriptAsync(params string[] args)
    {
        var raiz = Repositorio.Raiz();
        var inicio = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = raiz };
        inicio.ArgumentList.Add(Path.Combine(raiz, "sipoi"));
        foreach (var a in args) inicio.ArgumentList.Add(a);
        using var proceso = Process.Start(inicio)!;
        var salida = proceso.StandardOutput.ReadToEndAsync();
        var errores = proceso.StandardError.ReadToEndAsync();
        await proceso.WaitForExitAsync();
        return (proceso.ExitCode, await salida, await errores);
    }
}
