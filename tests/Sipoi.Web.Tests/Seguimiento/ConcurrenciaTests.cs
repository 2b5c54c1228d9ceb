using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Seguimiento;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Seguimiento;

/// <summary>
/// Two saves that read the same month and write at once: the row version (PostgreSQL xmin) lets only
/// the first in, and the second gets the conflict with the first one's values. These race the
/// database itself; GrillaTests shows the same through the forms.
/// </summary>
public sealed class ConcurrenciaTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    private static readonly DateTimeOffset Ahora = Seguimientos.En(2024, 2, 5);

    private static EntradaAvance Fila(string codigo, string fisico) => new(codigo, fisico, null, null, null, null);

    private async Task<decimal?> FisicoAsync(string codigo)
    {
        await using var db = app.Base.Contexto();
        return await db.Avances.Where(v => v.Mes == 1 && db.Actividades.Any(a => a.Id == v.ActividadId && a.Codigo == codigo))
            .Select(v => v.EjecutadoFisico).SingleOrDefaultAsync();
    }

    [Theory]
    [InlineData(false)]   // the month has no row yet: both INSERT, the unique index decides
    [InlineData(true)]    // the month has a row: both UPDATE ... WHERE xmin = the version read
    public async Task DosGuardadosSimultaneos_SoloEntraElPrimero(bool conFila)
    {
        var (centro, codigo) = conFila ? ("01.01", "FP06-01") : ("01.03", "FP24-01");
        if (conFila)
        {
            await using var db = app.Base.Contexto();
            var m0 = (await MesSeguimiento.CargarAsync(db, "EMSAPUNO", 2024, 1, centro, default))!;
            var r0 = await RegistroSeguimiento.GuardarAsync(db, m0, m0.Version, [Fila(codigo, "100")], false, "primera@prueba", Ahora, default);
            Assert.True(r0.Exito, r0.Mensaje);
        }
        await using var a = app.Base.Contexto();
        await using var b = app.Base.Contexto();
        var ma = (await MesSeguimiento.CargarAsync(a, "EMSAPUNO", 2024, 1, centro, default))!;
        var mb = (await MesSeguimiento.CargarAsync(b, "EMSAPUNO", 2024, 1, centro, default))!;
        Assert.Equal(ma.Version, mb.Version);

        var ra = await RegistroSeguimiento.GuardarAsync(a, ma, ma.Version, [Fila(codigo, "7")], false, "ana@prueba", Ahora, default);
        var rb = await RegistroSeguimiento.GuardarAsync(b, mb, mb.Version, [Fila(codigo, "9")], false, "beto@prueba", Ahora.AddMinutes(1), default);

        Assert.True(ra.Exito, ra.Mensaje);
        Assert.Equal(TipoResultado.Conflicto, rb.Tipo);
        Assert.Contains("Modificado por ana@prueba", rb.Mensaje);
        var cambio = Assert.Single(rb.Conflicto!.Cambios);
        Assert.Equal((codigo, 7m), (cambio.Codigo, cambio.Fisico));
        Assert.Equal(7m, await FisicoAsync(codigo));
    }

    [Fact]
    public async Task MismoUsuarioMismoInstante_TambienSeComparaLaVersion()
    {
        // Same user and time: no column of the month changes, yet the row is written so its version is checked.
        await using var a = app.Base.Contexto();
        await using var b = app.Base.Contexto();
        var ma = (await MesSeguimiento.CargarAsync(a, "EMSAPUNO", 2024, 1, "04.01", default))!;
        var r0 = await RegistroSeguimiento.GuardarAsync(a, ma, ma.Version, [Fila("FP13-01", "150")], false, "ana@prueba", Ahora, default);
        Assert.True(r0.Exito);
        await using var c = app.Base.Contexto();
        var m1 = (await MesSeguimiento.CargarAsync(c, "EMSAPUNO", 2024, 1, "04.01", default))!;
        var mb = (await MesSeguimiento.CargarAsync(b, "EMSAPUNO", 2024, 1, "04.01", default))!;
        Assert.True((await RegistroSeguimiento.GuardarAsync(c, m1, m1.Version, [Fila("FP13-02", "5")], false, "ana@prueba", Ahora, default)).Exito);
        var rb = await RegistroSeguimiento.GuardarAsync(b, mb, mb.Version, [Fila("FP13-02", "4")], false, "ana@prueba", Ahora, default);
        Assert.Equal(TipoResultado.Conflicto, rb.Tipo);
        Assert.Equal(5m, await FisicoAsync("FP13-02"));
    }
}
