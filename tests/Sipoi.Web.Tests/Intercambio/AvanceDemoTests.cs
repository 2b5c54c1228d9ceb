using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Informes;
using Sipoi.Domain.Periodos;
using Sipoi.Domain.Seguimiento;
using Sipoi.Web.Data;
using Sipoi.Web.Evaluacion;
using Sipoi.Web.Informes;
using Sipoi.Web.Intercambio;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Intercambio;

/// <summary>
/// The app as `./sipoi run` starts it: the demo entity plus its synthetic 2024 progress (Sipoi:DemoConAvance); without the
/// current year (Sipoi:DemoAnioActual, <see cref="AppDemoAnioActual"/>), so these classes keep a demo of 2024 only.
/// </summary>
public sealed class AppConAvanceDemo : WebApplicationFactory<Program>, IAsyncLifetime
{
    public BaseDePrueba Base { get; private set; } = null!;

    /// <summary>Another database; null: a fresh one of its own, disposed with the fixture.</summary>
    private BaseDePrueba? _existente;

    /// <summary>An app on a database that already exists (a second start); the database outlives it.</summary>
    public static AppConAvanceDemo Sobre(BaseDePrueba existente) => new() { _existente = existente };

    public async Task InitializeAsync()
    {
        Base = _existente ?? await BaseDePrueba.CrearAsync();
        _ = Server; // runs migrations, the demo load and the synthetic progress
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        AppDePrueba.Configurar(builder, Base, new RelojDePrueba());
        builder.UseSetting("Sipoi:DemoConAvance", "true");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_existente is null) await Base.DisposeAsync();
    }
}

public sealed class AvanceDemoTests(AppConAvanceDemo app) : IClassFixture<AppConAvanceDemo>
{
    private const int Anio = AvanceDemo.Anio;

    private sealed record Fila(string Actividad, string Centro, int Mes, decimal? Fisico, decimal? Financiero, string? Logros, string? Dificultades,
        string? Medidas, decimal Meta);

    private static async Task<List<Fila>> AvancesAsync(SipoiDbContext db)
    {
        var version = (await db.Pois.Include(p => p.Versiones).SingleAsync(p => p.Anio == Anio)).VersionVigente!.Id;
        var metas = await db.MetasMensuales.Join(db.Programaciones.Where(p => p.PoiVersionId == version), m => m.ProgramacionId, p => p.Id,
            (m, p) => new { p.ActividadId, m.Mes, m.Fisico }).ToListAsync();
        var meta = metas.ToDictionary(m => (m.ActividadId, m.Mes), m => m.Fisico);
        var filas = await (from v in db.Avances
                           join a in db.Actividades on v.ActividadId equals a.Id
                           join c in db.CentrosCosto on a.CentroCostoId equals c.Id
                           select new { a.Id, a.Codigo, Centro = c.Codigo, v.Mes, v.EjecutadoFisico, v.EjecutadoFinanciero, v.Logros, v.Dificultades, v.MedidasCorrectivas })
            .ToListAsync();
        return filas.Select(f => new Fila(f.Codigo, f.Centro, f.Mes, f.EjecutadoFisico, f.EjecutadoFinanciero, f.Logros, f.Dificultades,
                f.MedidasCorrectivas, meta.GetValueOrDefault((f.Id, f.Mes))))
            .OrderBy(f => f.Actividad, StringComparer.Ordinal).ThenBy(f => f.Mes).ToList();
    }

    private static async Task<Dictionary<(string Centro, int Mes), SeguimientoMensual>> SeguimientosAsync(SipoiDbContext db)
    {
        var centros = await db.CentrosCosto.ToDictionaryAsync(c => c.Id, c => c.Codigo);
        return (await db.Seguimientos.Where(s => s.Anio == Anio).ToListAsync()).ToDictionary(s => (centros[s.CentroCostoId], s.Mes));
    }

    private static async Task<List<string>> CentrosConActividadesAsync(SipoiDbContext db) =>
        (await db.Actividades.Join(db.CentrosCosto, a => a.CentroCostoId, c => c.Id, (a, c) => c.Codigo).Distinct().ToListAsync())
        .Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Determinista_DosBasesTienenLosMismosValoresYEstados()
    {
        var otra = new AppConAvanceDemo();
        await otra.InitializeAsync();
        try
        {
            await using var a = app.Base.Contexto();
            await using var b = otra.Base.Contexto();
            var filasA = await AvancesAsync(a);
            Assert.NotEmpty(filasA);
            Assert.Equal(filasA, await AvancesAsync(b));
            var estadosA = (await SeguimientosAsync(a)).ToDictionary(x => x.Key, x => x.Value.Estado);
            var estadosB = (await SeguimientosAsync(b)).ToDictionary(x => x.Key, x => x.Value.Estado);
            Assert.Equal(estadosA.OrderBy(x => x.Key), estadosB.OrderBy(x => x.Key));
            Assert.Equal((await ConsultaEvaluacion.EvaluarAsync(a, DatosDemo.CodigoEntidad, Anio, Periodo.Anual))!.Igi,
                (await ConsultaEvaluacion.EvaluarAsync(b, DatosDemo.CodigoEntidad, Anio, Periodo.Anual))!.Igi);
        }
        finally
        {
            await ((IAsyncLifetime)otra).DisposeAsync();
        }
    }

    [Fact]
    public async Task EneroAOctubre_AprobadosEnTodosLosCentros_PorElAutorSintetico()
    {
        await using var db = app.Base.Contexto();
        var seguimientos = await SeguimientosAsync(db);
        var centros = await CentrosConActividadesAsync(db);
        Assert.True(centros.Count > 5);
        foreach (var c in centros)
            for (var mes = 1; mes <= AvanceDemo.UltimoMesAprobado; mes++)
            {
                Assert.True(seguimientos.TryGetValue((c, mes), out var s), $"Falta el seguimiento de {c}, mes {mes}.");
                Assert.Equal(EstadoSeguimiento.Aprobado, s.Estado);
                Assert.Equal(AvanceDemo.Autor, s.EnviadoPor);
                Assert.Equal(AvanceDemo.Autor, s.RevisadoPor);
            }
        // December: nothing registered, nothing submitted.
        Assert.DoesNotContain(seguimientos.Keys, k => k.Mes == 12);
        Assert.DoesNotContain(await AvancesAsync(db), f => f.Mes == 12);
        // The audit log names the synthetic author (and says what it is).
        Assert.True(await db.Auditoria.AnyAsync(e => e.Usuario == AvanceDemo.Autor && e.ValorNuevo!.Contains("SINTÉTICO")));
        Assert.True(await db.Auditoria.CountAsync(e => e.Usuario == AvanceDemo.Autor && e.Accion == AccionAuditada.Aprobacion)
                    == centros.Count * AvanceDemo.UltimoMesAprobado);
    }

    [Fact]
    public async Task Noviembre_EnviadoPorAlgunos_ObservadoUno_ElRestoEnBorrador()
    {
        await using var db = app.Base.Contexto();
        var seguimientos = await SeguimientosAsync(db);
        var centros = await CentrosConActividadesAsync(db);
        for (var i = 0; i < centros.Count; i++)
        {
            var s = seguimientos[(centros[i], AvanceDemo.MesEnRevision)];
            var esperado = centros[i] == AvanceDemo.CentroObservado ? EstadoSeguimiento.Observado
                : AvanceDemo.EnviaEnRevision(i, centros[i]) ? EstadoSeguimiento.Enviado : EstadoSeguimiento.Pendiente;
            Assert.Equal(esperado, s.Estado);
        }
        var noviembre = seguimientos.Where(x => x.Key.Mes == AvanceDemo.MesEnRevision).Select(x => x.Value).ToList();
        Assert.Equal(1, noviembre.Count(s => s.Estado == EstadoSeguimiento.Observado));
        Assert.Equal(AvanceDemo.ObservacionNoviembre, seguimientos[(AvanceDemo.CentroObservado, AvanceDemo.MesEnRevision)].Observacion);
        Assert.Contains(noviembre, s => s.Estado == EstadoSeguimiento.Enviado);
        Assert.Contains(noviembre, s => s.Estado == EstadoSeguimiento.Pendiente);
        // Every centre registered November, submitted or not.
        var conValores = (await AvancesAsync(db)).Where(f => f.Mes == AvanceDemo.MesEnRevision).Select(f => f.Centro).ToHashSet();
        Assert.Equal(centros, conValores.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Avance_RepartoRealista_ConJustificacionFueraDeTolerancia()
    {
        await using var db = app.Base.Contexto();
        var configuracion = (await db.Entidades.SingleAsync(e => e.Codigo == DatosDemo.CodigoEntidad)).Configuracion;
        var filas = await AvancesAsync(db);
        var conMeta = filas.Where(f => f.Meta > 0).ToList();
        var dentro = conMeta.Count(f => f.Fisico / f.Meta is >= 0.9m and <= 1.1m);
        Assert.True(dentro > conMeta.Count / 2, $"Solo {dentro} de {conMeta.Count} meses entre 90 % y 110 %.");
        Assert.Contains(conMeta, f => f.Fisico / f.Meta < 0.85m && f.Fisico > 0);
        Assert.Contains(conMeta, f => f.Fisico == 0);
        Assert.Contains(conMeta, f => f.Fisico / f.Meta > 1.15m);
        Assert.Contains(filas, f => f.Meta == 0 && f.Fisico > 0); // executed without target
        // Whole activities at zero all year (with a target) exist, but few.
        var ceros = conMeta.GroupBy(f => f.Actividad).Count(g => g.All(f => f.Fisico == 0));
        Assert.InRange(ceros, 1, conMeta.Select(f => f.Actividad).Distinct().Count() / 10);
        Assert.Contains(filas, f => f.Financiero > 0);
        foreach (var f in filas)
        {
            var requerida = Justificacion.Requerida(f.Meta, f.Fisico, configuracion);
            Assert.True(requerida == (f.Logros is not null && f.Dificultades is not null && f.Medidas is not null),
                $"{f.Actividad}, mes {f.Mes}: justificación {(requerida ? "faltante" : "sobrante")}.");
        }
    }

    [Fact]
    public async Task PrimerSemestre_Publicado_ConArchivosEIgiDelMotor()
    {
        await using var db = app.Base.Contexto();
        var s1 = await db.Evaluaciones.Include(e => e.Archivos).SingleAsync(e => e.Anio == Anio && e.PeriodoCodigo == "S1");
        Assert.True(s1.Publicada);
        Assert.Equal(AvanceDemo.Autor, s1.PublicadaPor);
        Assert.Equal(AvanceDemo.DocumentoS1, s1.Documento);
        Assert.Equal(new[] { RegistroEvaluaciones.ArchivoInforme, RegistroEvaluaciones.ArchivoSeguimiento, RegistroEvaluaciones.ArchivoJson }
            .Order(StringComparer.Ordinal), s1.Archivos.Select(a => a.Nombre).Order(StringComparer.Ordinal));
        Assert.All(s1.Archivos, a => Assert.True(a.Contenido.Length > 0));
        var motor = (await ConsultaEvaluacion.EvaluarAsync(db, DatosDemo.CodigoEntidad, Anio, Periodo.Semestre(1)))!;
        Assert.Equal(motor.Igi, s1.Igi);
        Assert.NotNull(s1.Igi);
        Assert.InRange(s1.Igi!.Value, 1m, 100m);
        Assert.Equal(2, await db.Recomendaciones.CountAsync(r => r.EvaluacionId == s1.Id));

        // The public page shows it, no log-in needed.
        using var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var r = await http.GetAsync("/transparencia/" + DatosDemo.CodigoEntidad);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains(s1.Nombre, await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Anual_RegistradaSinPublicar_ConSeguimientoDeLasRecomendaciones()
    {
        await using var db = app.Base.Contexto();
        var anual = await db.Evaluaciones.SingleAsync(e => e.Anio == Anio && e.PeriodoCodigo == Periodo.Anual.Codigo);
        Assert.False(anual.Publicada);
        var seguimiento = await db.Set<SeguimientoRecomendacion>().Where(s => s.EvaluacionId == anual.Id).ToListAsync();
        Assert.Equal(2, seguimiento.Count);
        Assert.Contains(seguimiento, s => s.Estado == EstadoRecomendacion.Implementada);
        Assert.Contains(seguimiento, s => s.Estado == EstadoRecomendacion.EnProceso);
        var igi = (await ConsultaEvaluacion.EvaluarAsync(db, DatosDemo.CodigoEntidad, Anio, Periodo.Anual))!.Igi;
        Assert.NotNull(igi);
        Assert.InRange(igi!.Value, 1m, 100m);
    }

    [Fact]
    public async Task SegundoArranque_NoAgregaNada()
    {
        async Task<long[]> ContarAsync()
        {
            await using var db = app.Base.Contexto();
            return [await db.Avances.LongCountAsync(), await db.Seguimientos.LongCountAsync(), await db.Evaluaciones.LongCountAsync(),
                await db.Recomendaciones.LongCountAsync(), await db.Set<SeguimientoRecomendacion>().LongCountAsync(),
                await db.Auditoria.LongCountAsync(e => e.Usuario == AvanceDemo.Autor)];
        }
        var antes = await ContarAsync();
        var segunda = AppConAvanceDemo.Sobre(app.Base);
        try { await segunda.InitializeAsync(); }
        finally { await ((IAsyncLifetime)segunda).DisposeAsync(); }
        Assert.Equal(antes, await ContarAsync());
    }
}

/// <summary>The tests' default host (no Sipoi:DemoConAvance) keeps the demo without any progress, as every other test expects.</summary>
public sealed class SinAvanceDemoTests(AppDePrueba app) : IClassFixture<AppDePrueba>
{
    [Fact]
    public async Task SinDemoConAvance_NoHayAvanceNiSeguimientoNiEvaluaciones()
    {
        await using var db = app.Base.Contexto();
        Assert.True(await db.Actividades.AnyAsync());
        Assert.False(await db.Avances.AnyAsync());
        Assert.False(await db.Seguimientos.AnyAsync());
        Assert.False(await db.Evaluaciones.AnyAsync());
        Assert.False(await db.Auditoria.AnyAsync(e => e.Usuario == AvanceDemo.Autor));
    }
}
