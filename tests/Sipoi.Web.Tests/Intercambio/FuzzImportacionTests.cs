using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sipoi.Interop.Intercambio;
using Sipoi.Web.Intercambio;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Intercambio;

/// <summary>
/// Seeded mutation fuzzing of the real import into PostgreSQL (issue 11, item 10): a sample of damaged exchange files
/// of the demo entity never throws, and every refusal leaves the entity's rows exactly as they were (no partial write).
/// Bounded by iterations and by time; the seed is in every failure message.
/// </summary>
public sealed class FuzzImportacionTests : IAsyncLifetime
{
    private const int Iteraciones = 40;
    private static readonly TimeSpan Tope = TimeSpan.FromSeconds(12);
    private BaseDePrueba _base = null!;

    public async Task InitializeAsync()
    {
        _base = await BaseDePrueba.CrearAsync();
        await using var db = _base.Contexto();
        await db.Database.MigrateAsync();
        await using var demo = DatosDemo.Abrir();
        Assert.True((await ImportadorPlan.ImportarAsync(db, demo)).Exito);
    }

    public async Task DisposeAsync() => await _base.DisposeAsync();

    [Fact]
    public async Task ArchivosMutados_NuncaLanzan_YUnRechazoNoEscribeNada()
    {
        var semilla = MutadorIntercambio.Semilla();
        var mutador = new MutadorIntercambio(semilla);
        string json;
        await using (var db = _base.Contexto())
            json = EscritorIntercambio.EscribirTexto((await ExportadorPlan.ExportarAsync(db, DatosDemo.CodigoEntidad, 2024))!);
        var reloj = Stopwatch.StartNew();
        int i = 0, rechazados = 0;
        for (; i < Iteraciones && (i < 5 || reloj.Elapsed < Tope); i++)
        {
            var (archivo, descripcion) = mutador.Mutar(json);
            var donde = $"Semilla {semilla}, iteración {i} ({descripcion})";
            var antes = await Huella.DeEntidadAsync(_base.Conexion, DatosDemo.CodigoEntidad);
            ResultadoImportacion r;
            await using (var db = _base.Contexto())
            {
                try
                {
                    r = await ImportadorPlan.ImportarAsync(db, new MemoryStream(archivo));
                }
                catch (Exception e)
                {
                    Assert.Fail($"{donde}: excepción no controlada {e}");
                    return;
                }
            }
            if (r.Exito) continue;
            rechazados++;
            Assert.True(r.Errores.Count > 0 && r.Errores.All(e => !string.IsNullOrWhiteSpace(e)), $"{donde}: rechazo sin mensajes");
            Assert.True(antes == await Huella.DeEntidadAsync(_base.Conexion, DatosDemo.CodigoEntidad), $"{donde}: el rechazo cambió la base ({string.Join(" | ", r.Errores)})");
        }
        Assert.True(rechazados > 0, $"Semilla {semilla}: ninguno de {i} archivos mutados fue rechazado");
    }

    [Theory]
    [InlineData("\\u0000", "contiene un carácter de control (U+0000")]
    [InlineData("\\ud800", "un sustituto UTF-16 suelto")]
    public async Task TextoQueLaBaseNoGuarda_SeRechazaConSuRuta(string escape, string motivo)
    {
        string json;
        await using (var db = _base.Contexto())
            json = EscritorIntercambio.EscribirTexto((await ExportadorPlan.ExportarAsync(db, DatosDemo.CodigoEntidad, 2024))!);
        var malo = json.Replace("\"nombre\": \"", "\"nombre\": \"" + escape, StringComparison.Ordinal);
        var antes = await Huella.DeEntidadAsync(_base.Conexion, DatosDemo.CodigoEntidad);
        await using var db2 = _base.Contexto();
        var r = await ImportadorPlan.ImportarAsync(db2, new MemoryStream(Encoding.UTF8.GetBytes(malo)));
        Assert.False(r.Exito);
        Assert.Contains(r.Errores, e => e.StartsWith("entidad.nombre: ", StringComparison.Ordinal) && e.Contains(motivo, StringComparison.Ordinal));
        Assert.Equal(antes, await Huella.DeEntidadAsync(_base.Conexion, DatosDemo.CodigoEntidad));
    }
}
