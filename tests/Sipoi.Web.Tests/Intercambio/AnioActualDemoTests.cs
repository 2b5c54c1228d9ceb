using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Sipoi.Domain.Operativo;
using Sipoi.Domain.Seguimiento;
using Sipoi.Web.Data;
using Sipoi.Web.Intercambio;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Intercambio;

/// <summary>
/// The app as `./sipoi run` starts it on 07/12/2026 (a fixed clock): the demo entity and its POI of the current year
/// (Sipoi:DemoAnioActual). Without Sipoi:DemoConAvance, so 2024 stays without progress and every count here is 2026's.
/// </summary>
public sealed class AppDemoAnioActual : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const int Anio = 2026;
    public const int MesActual = 12;

    public BaseDePrueba Base { get; private set; } = null!;
    public RelojDePrueba Reloj { get; } = new();

    public async Task InitializeAsync()
    {
        Base = await BaseDePrueba.CrearAsync();
        Reloj.Fijar(Anio, MesActual, 7);
        _ = Server; // migrations, the demo and the current year
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        AppDePrueba.Configurar(builder, Base, Reloj);
        builder.UseSetting("Sipoi:DemoAnioActual", "true");
    }

    public async Task<HttpClient> ComoAsync(string correo)
    {
        var http = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var r = await AppDePrueba.IngresarAsync(http, correo, DatosDemo.Contrasena);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        return http;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Base.DisposeAsync();
    }
}

public sealed class AnioActualDemoTests(AppDemoAnioActual app) : IClassFixture<AppDemoAnioActual>
{
    private const int Anio = AppDemoAnioActual.Anio;
    private const int MesAnterior = AppDemoAnioActual.MesActual - 1;

    private sealed record Tarea(string Texto, string Enlace, string Plazo, string Urgencia, string Clase);

    private static async Task<List<Tarea>> TareasAsync(HttpClient http)
    {
        var r = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var seccion = Formulario.Leer(await r.Content.ReadAsStringAsync()).GetElementById("tareas")
            ?? throw new InvalidOperationException("La página de inicio no tiene la sección de tareas.");
        return [.. seccion.QuerySelectorAll("li.tarea").Select(li => new Tarea(li.QuerySelector("a")!.TextContent, li.QuerySelector("a")!.GetAttribute("href")!,
            li.QuerySelector(".plazo")!.TextContent, li.QuerySelector(".estado")!.TextContent, li.GetAttribute("data-clase")!))];
    }

    private static async Task<Dictionary<string, decimal[]>> MetasAsync(SipoiDbContext db, int anio)
    {
        var poi = await db.Pois.Include(p => p.Versiones).SingleAsync(p => p.Anio == anio);
        var version = poi.VersionVigente!.Id;
        var codigos = await db.Actividades.Where(a => a.PoiId == poi.Id).ToDictionaryAsync(a => a.Id, a => a.Codigo);
        return (await db.Programaciones.Include(p => p.Metas).Where(p => p.PoiVersionId == version).ToListAsync())
            .ToDictionary(p => codigos[p.ActividadId], p => p.ProgramadoFisico());
    }

    private static async Task<List<string>> CentrosAsync(SipoiDbContext db) =>
        (await db.Actividades.Where(a => db.Pois.Any(p => p.Id == a.PoiId && p.Anio == Anio))
            .Join(db.CentrosCosto, a => a.CentroCostoId, c => c.Id, (a, c) => c.Codigo).Distinct().ToListAsync())
        .Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task PoiDelAnio_AprobadoConLasMetasDe2024_BajoElPeiAmpliado()
    {
        await using var db = app.Base.Contexto();
        var poi = await db.Pois.Include(p => p.Versiones).SingleAsync(p => p.Anio == Anio);
        var vigente = Assert.Single(poi.Versiones);
        Assert.Equal(EstadoVersionPoi.Aprobada, vigente.Estado);
        Assert.Equal(AnioActualDemo.DocumentoAprobacion(Anio), vigente.DocumentoAprobacion);
        Assert.Equal(new DateOnly(Anio - 1, 12, 28), vigente.FechaAprobacion);

        var metas2024 = await MetasAsync(db, AvanceDemo.Anio);
        var metas = await MetasAsync(db, Anio);
        Assert.True(metas.Count > 200);
        Assert.Equal(metas2024.Keys.Order(StringComparer.Ordinal), metas.Keys.Order(StringComparer.Ordinal));
        Assert.All(metas, m => Assert.Equal(metas2024[m.Key], m.Value));

        // The PEI 2023-2025 does not cover 2026: an ampliación to next year, linked to it, the original untouched.
        var original = await db.Peis.SingleAsync(p => p.Codigo == "PEI-2023-2025");
        var pei = await db.Peis.SingleAsync(p => p.Id == poi.PeiId);
        Assert.Equal(("PEI-2023-2025-Ampliado-2027", 2023, 2027, original.Id), (pei.Codigo, pei.Inicio, pei.Fin, pei.PeiAnteriorId));
        Assert.Equal((2023, 2025), (original.Inicio, original.Fin));
        Assert.Equal(await db.Aeis.CountAsync(a => db.Oeis.Any(o => o.Id == a.OeiId && o.PeiId == original.Id)),
            await db.Aeis.CountAsync(a => db.Oeis.Any(o => o.Id == a.OeiId && o.PeiId == pei.Id)));

        // Every AEI indicator names the unit that reports it (the POI's «Unidad Orgánica responsable»), in both PEIs.
        var responsables = await (from i in db.Indicadores
                                  join a in db.Aeis on i.AeiId equals (int?)a.Id
                                  join o in db.Oeis on a.OeiId equals o.Id
                                  join c in db.CentrosCosto on i.CentroCostoResponsableId equals (int?)c.Id into cc
                                  from c in cc.DefaultIfEmpty()
                                  select new { o.PeiId, i.Codigo, Centro = c == null ? null : c.Codigo }).ToListAsync();
        Assert.Equal(86, responsables.Count);
        Assert.All(responsables, r => Assert.NotNull(r.Centro));
        Assert.All(responsables.Where(r => r.Codigo == "IND.AEI.01.01.01"), r => Assert.Equal("04", r.Centro)); // Gerencia de Operaciones
        Assert.All(responsables.Where(r => r.Codigo == "IND.AEI.06.05.01"), r => Assert.Equal("03", r.Centro)); // Gerencia Comercial
    }

    [Fact]
    public async Task Meses_EneroANoviembreAprobados_SalvoDosCentrosEnviados_DiciembreAbierto()
    {
        await using var db = app.Base.Contexto();
        var centros = await CentrosAsync(db);
        Assert.True(centros.Count > 5);
        var codigos = await db.CentrosCosto.ToDictionaryAsync(c => c.Id, c => c.Codigo);
        var seguimientos = (await db.Seguimientos.Where(s => s.Anio == Anio).ToListAsync()).ToDictionary(s => (codigos[s.CentroCostoId], s.Mes));
        var enviados = AnioActualDemo.CentrosEnviados(centros);
        Assert.Equal(2, enviados.Count);
        Assert.DoesNotContain(DatosDemo.CentroOperador, enviados);
        foreach (var c in centros)
            for (var mes = 1; mes <= MesAnterior; mes++)
            {
                Assert.True(seguimientos.TryGetValue((c, mes), out var s), $"Falta el seguimiento de {c}, mes {mes}.");
                var esperado = mes == MesAnterior && enviados.Contains(c) ? EstadoSeguimiento.Enviado : EstadoSeguimiento.Aprobado;
                Assert.True(esperado == s.Estado, $"{c}, mes {mes}: {s.Estado}, se esperaba {esperado}.");
                Assert.Equal(AvanceDemo.Autor, s.EnviadoPor);
            }
        // December is open: nothing registered or submitted yet.
        Assert.DoesNotContain(seguimientos.Keys, k => k.Mes == AppDemoAnioActual.MesActual);
        Assert.False(await db.Avances.AnyAsync(a => a.Mes == AppDemoAnioActual.MesActual));
        // Only the current year: 2024 keeps no progress without Sipoi:DemoConAvance.
        Assert.False(await db.Seguimientos.AnyAsync(s => s.Anio == AvanceDemo.Anio));
        Assert.Equal(centros.Count * MesAnterior - 2,
            await db.Auditoria.CountAsync(e => e.Usuario == AvanceDemo.Autor && e.Accion == AccionAuditada.Aprobacion));
    }

    [Fact]
    public async Task Avance_Plausible_ConJustificacionDondeLaPide_AuditadoComoCargaDeDemostracion()
    {
        await using var db = app.Base.Contexto();
        var configuracion = (await db.Entidades.SingleAsync(e => e.Codigo == DatosDemo.CodigoEntidad)).Configuracion;
        var metas = await MetasAsync(db, Anio);
        var filas = await (from v in db.Avances
                           join a in db.Actividades on v.ActividadId equals a.Id
                           join p in db.Pois on a.PoiId equals p.Id
                           where p.Anio == Anio
                           select new { a.Codigo, v.Mes, v.EjecutadoFisico, v.EjecutadoFinanciero, v.Logros, v.Dificultades, v.MedidasCorrectivas })
            .ToListAsync();
        Assert.NotEmpty(filas);
        Assert.All(filas, f => Assert.InRange(f.Mes, 1, MesAnterior));
        var conMeta = filas.Where(f => metas[f.Codigo][f.Mes - 1] > 0).ToList();
        var dentro = conMeta.Count(f => f.EjecutadoFisico / metas[f.Codigo][f.Mes - 1] is >= 0.9m and <= 1.1m);
        Assert.True(dentro > conMeta.Count / 2, $"Solo {dentro} de {conMeta.Count} meses entre 90 % y 110 %.");
        Assert.Contains(conMeta, f => f.EjecutadoFisico > 0 && f.EjecutadoFisico / metas[f.Codigo][f.Mes - 1] < 0.85m);
        Assert.Contains(filas, f => f.EjecutadoFinanciero > 0);
        foreach (var f in filas)
        {
            var requerida = Justificacion.Requerida(metas[f.Codigo][f.Mes - 1], f.EjecutadoFisico, configuracion);
            Assert.True(requerida == (f.Logros is not null && f.Dificultades is not null && f.MedidasCorrectivas is not null),
                $"{f.Codigo}, mes {f.Mes}: justificación {(requerida ? "faltante" : "sobrante")}.");
        }
        var cargas = await db.Auditoria.Where(e => e.Usuario == AvanceDemo.Autor && e.ValorNuevo!.StartsWith(AnioActualDemo.Descripcion))
            .Select(e => e.ValorNuevo!).ToListAsync();
        Assert.Equal(3, cargas.Count); // the PEI's ampliación, the POI, the progress
        Assert.Contains(cargas, c => c.Contains($"POI {Anio} SINTÉTICO", StringComparison.Ordinal));
        Assert.Contains(cargas, c => c.Contains($"avance SINTÉTICO de enero a noviembre de {Anio}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Operador_VeLaTareaDelMesActual_EnPlazo()
    {
        var tareas = await TareasAsync(await app.ComoAsync(AppDePrueba.Operador));
        var diciembre = Assert.Single(tareas, t => t.Enlace == $"/e/EMSAPUNO/seguimiento/{Anio}/12?centro={DatosDemo.CentroOperador}");
        Assert.StartsWith($"Registrar y enviar diciembre de {Anio} — {DatosDemo.CentroOperador}", diciembre.Texto, StringComparison.Ordinal);
        Assert.Equal(("RegistrarMes", "En plazo"), (diciembre.Clase, diciembre.Urgencia));
        Assert.EndsWith($"/01/{Anio + 1}", diciembre.Plazo, StringComparison.Ordinal);
        // The month's grid is open for registration.
        var grilla = await (await app.ComoAsync(AppDePrueba.Operador)).GetAsync(diciembre.Enlace);
        Assert.Equal(HttpStatusCode.OK, grilla.StatusCode);
    }

    [Fact]
    public async Task Planificador_TieneLosDosMesesEnviadosPorRevisar()
    {
        await using var db = app.Base.Contexto();
        var enviados = AnioActualDemo.CentrosEnviados(await CentrosAsync(db));
        var tareas = await TareasAsync(await app.ComoAsync(AppDePrueba.Planificador));
        var revisar = tareas.Where(t => t.Clase == "RevisarMes").ToList();
        Assert.Equal(enviados.Select(c => $"/e/EMSAPUNO/seguimiento/{Anio}/{MesAnterior}?centro={c}"), revisar.Select(t => t.Enlace));
        Assert.All(revisar, t => Assert.StartsWith($"Revisar noviembre de {Anio} enviado", t.Texto, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Consulta_VeElTableroDelAnio()
    {
        var http = await app.ComoAsync(AppDePrueba.Consulta);
        var r = await http.GetAsync($"/e/EMSAPUNO/tablero/{Anio}");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var texto = await Rechazo.TextoAsync(r);
        Assert.Contains(Anio.ToString(System.Globalization.CultureInfo.InvariantCulture), texto, StringComparison.Ordinal);
        // Consulta does not conduct the formulation: no button, only the state of next year's.
        var formulacion = Formulario.Leer(await (await http.GetAsync($"/e/EMSAPUNO/formulacion/{Anio}")).Content.ReadAsStringAsync());
        Assert.Null(formulacion.GetElementById("iniciar-siguiente"));
    }

    [Fact]
    public async Task IniciarFormulacion_CreaElPoiDelAnioSiguiente_YNoDosVeces()
    {
        var http = await app.ComoAsync(AppDePrueba.Planificador);
        var url = $"/e/EMSAPUNO/formulacion/{Anio}";
        var form = await Formulario.LeerAsync(http, url, "iniciar-siguiente");
        var resumen = form.Pagina.GetElementById("resumen-siguiente")!.TextContent;
        Assert.Contains("POI 2027", resumen, StringComparison.Ordinal);
        Assert.Contains("PEI-2023-2025-Ampliado-2027", resumen, StringComparison.Ordinal);
        // The POI matrix leads here.
        var matriz = Formulario.Leer(await (await http.GetAsync($"/e/EMSAPUNO/poi/{Anio}/centros")).Content.ReadAsStringAsync());
        Assert.Equal(url + "#formulacion-siguiente", matriz.GetElementById("enlace-formulacion-siguiente")?.GetAttribute("href"));

        // Without the confirmation box: nothing happens.
        await Rechazo.EnRespuestaAsync(await form.EnviarAsync(http), HttpStatusCode.OK, "Marque la casilla de confirmación para iniciar la formulación 2027.");
        await using (var db = app.Base.Contexto()) Assert.False(await db.Pois.AnyAsync(p => p.Anio == Anio + 1));

        form.Campos["Confirmar"] = "true";
        var r = await form.EnviarAsync(http);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal($"/e/EMSAPUNO/formulacion/{Anio + 1}", r.Headers.Location?.OriginalString);
        await using (var db = app.Base.Contexto())
        {
            var poi = await db.Pois.Include(p => p.Versiones).SingleAsync(p => p.Anio == Anio + 1);
            var borrador = Assert.Single(poi.Versiones);
            Assert.Equal((EstadoVersionPoi.Borrador, TipoVersionPoi.Anual), (borrador.Estado, borrador.Tipo));
            Assert.Equal("PEI-2023-2025-Ampliado-2027", await db.Peis.Where(p => p.Id == poi.PeiId).Select(p => p.Codigo).SingleAsync());
        }

        // Twice (a second tab, a double click): refused, still one POI 2027; the page now links to it.
        await Rechazo.EnRespuestaAsync(await form.EnviarAsync(http), HttpStatusCode.OK, "La formulación 2027 ya se inició: el POI 2027 ya existe.");
        await using (var db = app.Base.Contexto()) Assert.Equal(1, await db.Pois.CountAsync(p => p.Anio == Anio + 1));
        var pagina = Formulario.Leer(await (await http.GetAsync(url)).Content.ReadAsStringAsync());
        Assert.Null(pagina.GetElementById("iniciar-siguiente"));
        Assert.Equal($"/e/EMSAPUNO/formulacion/{Anio + 1}", pagina.GetElementById("ir-siguiente")?.GetAttribute("href"));
    }
}
