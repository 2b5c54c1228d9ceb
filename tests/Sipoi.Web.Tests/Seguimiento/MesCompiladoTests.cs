using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipoi.Web.Data;
using Sipoi.Web.Seguimiento;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Seguimiento;

/// <summary>
/// The month is read with compiled queries (MesSeguimiento, Data/ConsultaCompilada): EF binds a compiled query to one model,
/// and contexts built with other options (the host's pooled one with the audit interceptor, a loader's or a test's plain one)
/// have models of their own. Both must read the same month, with every target and every registered month attached.
/// </summary>
public sealed class MesCompiladoTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    [Fact]
    public async Task ElMismoMes_SeLeeIgualConContextosDeModelosDistintos()
    {
        await using var alcance = app.Services.CreateAsyncScope();
        var delHost = alcance.ServiceProvider.GetRequiredService<SipoiDbContext>();
        await using var simple = app.Base.Contexto();
        Assert.NotSame(delHost.Model, simple.Model);

        var a = (await MesSeguimiento.CargarAsync(delHost, "EMSAPUNO", 2024, 3, "01.01", default))!;
        var b = (await MesSeguimiento.CargarAsync(simple, "EMSAPUNO", 2024, 3, "01.01", default))!;
        // Again on the first model, after the second compiled its own.
        var c = (await MesSeguimiento.CargarAsync(alcance.ServiceProvider.GetRequiredService<SipoiDbContext>(), "EMSAPUNO", 2024, 3, "01.01", default))!;

        static object Huella(MesSeguimiento m) => string.Join("|", m.Filas.Select(f =>
            $"{f.Actividad.Codigo}:{string.Join(",", f.Programacion.ProgramadoFisico())}:{string.Join(",", f.Programacion.ProgramadoFinanciero())}:" +
            $"{string.Join(",", f.Actividad.Avances.OrderBy(v => v.Mes).Select(v => $"{v.Mes}={v.EjecutadoFisico}"))}:{f.VersionAvance}"));
        Assert.NotEmpty(a.Filas);
        Assert.Equal(Huella(a), Huella(b));
        Assert.Equal(Huella(a), Huella(c));
        Assert.Equal((a.Version, a.Existe), (b.Version, b.Existe));
    }

    [Fact]
    public async Task CadaActividad_TraeSusDoceMetasYSoloSusMeses()
    {
        await using var db = app.Base.Contexto();
        var m = (await MesSeguimiento.CargarAsync(db, "EMSAPUNO", 2024, 3, "01.01", default))!;
        var ids = m.Filas.Select(f => f.Actividad.Id).ToList();
        // What the database holds, counted independently of the month's queries.
        var metas = await db.MetasMensuales.CountAsync(x => db.Programaciones.Any(p => p.Id == x.ProgramacionId
            && ids.Contains(p.ActividadId) && m.Filas.Select(f => f.Programacion.PoiVersionId).Contains(p.PoiVersionId)));
        var avances = await db.Avances.CountAsync(v => ids.Contains(v.ActividadId));
        Assert.Equal(metas, m.Filas.Sum(f => f.Programacion.Metas.Count));
        Assert.Equal(avances, m.Filas.Sum(f => f.Actividad.Avances.Count));
        Assert.All(m.Filas, f => Assert.All(f.Actividad.Avances, v => Assert.Equal(f.Actividad.Id, v.ActividadId)));
        Assert.All(m.Filas, f => Assert.All(f.Programacion.Metas, x => Assert.Equal(f.Programacion.Id, x.ProgramacionId)));
    }

    [Theory]
    [InlineData("01.03", "FP24-01")]   // the month has no row for the activity: both INSERT, the unique index decides
    [InlineData("01.01", "FP06-01")]   // a row (written first here): both UPDATE ... WHERE xmin = the version read
    public async Task DosGuardadosDeMesesLeidosSinSeguimiento_SoloEntraElPrimero(string centro, string codigo)
    {
        // The API's save reads the month untracked and attaches only what it changes: the version guard must hold as before.
        var ahora = Seguimientos.En(2024, 2, 5);
        static EntradaAvance Fila(string c, string fisico) => new(c, fisico, null, null, null, null);
        if (centro == "01.01")
        {
            await using var db = app.Base.Contexto();
            var m0 = (await MesSeguimiento.CargarAsync(db, "EMSAPUNO", 2024, 1, centro, default, soloLectura: true))!;
            Assert.True((await RegistroSeguimiento.GuardarAsync(db, m0, m0.Version, [Fila(codigo, "100")], false, "primera@prueba", ahora, default)).Exito);
        }
        await using var a = app.Base.Contexto();
        await using var b = app.Base.Contexto();
        var ma = (await MesSeguimiento.CargarAsync(a, "EMSAPUNO", 2024, 1, centro, default, soloLectura: true))!;
        var mb = (await MesSeguimiento.CargarAsync(b, "EMSAPUNO", 2024, 1, centro, default, soloLectura: true))!;
        Assert.Empty(a.ChangeTracker.Entries());

        var ra = await RegistroSeguimiento.GuardarAsync(a, ma, ma.Version, [Fila(codigo, "7")], false, "ana@prueba", ahora, default);
        var rb = await RegistroSeguimiento.GuardarAsync(b, mb, mb.Version, [Fila(codigo, "9")], false, "beto@prueba", ahora.AddMinutes(1), default);
        Assert.True(ra.Exito, ra.Mensaje);
        Assert.Equal(TipoResultado.Conflicto, rb.Tipo);
        await using var lectura = app.Base.Contexto();
        Assert.Equal(7m, await lectura.Avances.Where(v => v.Mes == 1 && lectura.Actividades.Any(x => x.Id == v.ActividadId && x.Codigo == codigo))
            .Select(v => v.EjecutadoFisico).SingleAsync());
        // A month read so serves only to save values: submitting needs the tracked month.
        var mc = (await MesSeguimiento.CargarAsync(lectura, "EMSAPUNO", 2024, 1, centro, default, soloLectura: true))!;
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            RegistroSeguimiento.GuardarAsync(lectura, mc, mc.Version, [], true, "ana@prueba", ahora, default));
    }
}
