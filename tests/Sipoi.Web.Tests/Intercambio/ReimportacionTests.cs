using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sipoi.Domain.Periodos;
using Sipoi.Domain.Seguimiento;
using Sipoi.Interop.Evaluacion;
using Sipoi.Interop.Intercambio;
using Sipoi.Web.Data;
using Sipoi.Web.Evaluacion;
using Sipoi.Web.ImportacionExcel;
using Sipoi.Web.Intercambio;
using Sipoi.Web.Reportes;
using Sipoi.Web.Seguimiento;
using Sipoi.Web.Tests.Infraestructura;

namespace Sipoi.Web.Tests.Intercambio;

/// <summary>
/// No import loses progress (issue 11, item 3): re-importing the demo year, which has approved, submitted, observed and
/// draft months, from its exchange file or from its Excel matrix keeps every registered month; what would drop or change
/// one is refused whole, naming the activity (and the JSON path), and changes nothing.
/// </summary>
public sealed class ReimportacionTests(AppConAvanceDemo app) : IClassFixture<AppConAvanceDemo>
{
    private const string Entidad = DatosDemo.CodigoEntidad;
    private const int Anio = AvanceDemo.Anio;

    [Fact]
    public async Task Json_ReimportarLoExportado_ConservaAvanceEstadosYEvidencias()
    {
        await AgregarEvidenciaAsync();
        var antes = await ProgresoAsync();
        var evaluacion = await EvaluarAsync();
        var r = await ImportarAsync(Texto(await ExportarAsync()));
        Assert.True(r.Exito, string.Join("\n", r.Errores));
        Assert.Equal(antes, await ProgresoAsync());
        Assert.Equal(evaluacion, await EvaluarAsync());

        // The replaced programming is in the audit log value by value: the old monthly targets as deleted rows.
        await using var db = app.Base.Contexto();
        Assert.True(await db.Auditoria.AnyAsync(a => a.Tabla == "meta_mensual" && a.Accion == AccionAuditada.Baja && a.ValorAnterior!.Contains("\"fisico\"")));
    }

    [Fact]
    public async Task Json_ConProyeccionesMultianuales_SeRechazaNombrandolas_YNoCambiaNada()
    {
        // The exchange file does not carry the projections of the following years: replacing the programming would delete
        // them with it (a database cascade, outside the audit log). Refused whole, naming the activity.
        var doc = await ExportarAsync();
        var codigo = doc.Poi.Actividades[0].Codigo;
        async Task ProyectarAsync(IReadOnlyList<(int, decimal, decimal)> anios)
        {
            await using var db = app.Base.Contexto();
            var p = await db.Programaciones.Include(x => x.Proyecciones)
                .Where(x => db.Actividades.Any(a => a.Id == x.ActividadId && a.Codigo == codigo && db.Pois.Any(o => o.Id == a.PoiId && o.Anio == Anio)))
                .OrderByDescending(x => x.PoiVersionId).FirstAsync();
            p.Proyectar(anios);
            await db.SaveChangesAsync();
        }
        await ProyectarAsync([(Anio + 1, 10m, 1000m)]);
        try
        {
            var huella = await Huella.DeEntidadAsync(app.Base.Conexion, Entidad);
            var r = await ImportarAsync(Texto(doc));
            Assert.False(r.Exito);
            var error = Assert.Single(r.Errores);
            Assert.Equal($"El POI {Anio} tiene proyecciones multianuales (metas de los años siguientes) en la actividad {codigo}: el archivo de " +
                         "intercambio no las lleva y la importación las borraría. No se importó nada. Para cambiar la programación registre un POI " +
                         "Modificado en Formulación.", error);
            Assert.Equal(huella, await Huella.DeEntidadAsync(app.Base.Conexion, Entidad));
            await using var db = app.Base.Contexto();
            Assert.Equal(1, await db.ProyeccionesMultianuales.CountAsync());
        }
        finally
        {
            await ProyectarAsync([]);
        }
    }

    [Fact]
    public async Task Json_ConDocumentoOficialDeLaVersion_SeRechaza_YNoCambiaNada()
    {
        // A signed official document of the approved version hangs from the version a re-import replaces (the database
        // would delete it with its version, outside the audit log). Refused whole, naming the version.
        var doc = await ExportarAsync();
        await using var db = app.Base.Contexto();
        var version = await db.PoiVersiones.Where(v => db.Pois.Any(p => p.Id == v.PoiId && p.Anio == Anio
                && db.Entidades.Any(e => e.Id == p.EntidadId && e.Codigo == Entidad)))
            .OrderByDescending(v => v.Numero).Select(v => new { v.Id, v.EntidadId, v.Etiqueta }).FirstAsync();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO documento_oficial (entidad_id, poi_version_id, formato, nombre, mime, contenido, tamano, huella, numero_documento, subido_por, subido_en)
            VALUES ({version.EntidadId}, {version.Id}, 'Pdf', 'poi-firmado.pdf', 'application/pdf', {new byte[] { 1, 2, 3 }}, 3, 'x', 'RGG 001-2024', 'prueba', now())
            """);
        try
        {
            var huella = await Huella.DeEntidadAsync(app.Base.Conexion, Entidad);
            var r = await ImportarAsync(Texto(doc));
            Assert.False(r.Exito);
            Assert.Equal($"El POI {Anio} tiene documentos oficiales firmados de la versión «{version.Etiqueta}»: la importación reemplazaría esas " +
                         "versiones y los borraría. No se importó nada. Para cambiar la programación registre un POI Modificado en Formulación.",
                Assert.Single(r.Errores));
            Assert.Equal(huella, await Huella.DeEntidadAsync(app.Base.Conexion, Entidad));
            Assert.Equal(1, await db.DocumentosOficiales.CountAsync(x => x.PoiVersionId == version.Id));
        }
        finally
        {
            await db.Database.ExecuteSqlAsync($"DELETE FROM documento_oficial WHERE poi_version_id = {version.Id}");
        }
    }

    [Fact]
    public async Task Json_SinUnaActividadConAvance_SeRechazaNombrandola_YNoCambiaNada()
    {
        var doc = await ExportarAsync();
        var quitada = doc.Poi.Actividades[0];
        var sin = doc with { Poi = doc.Poi with { Actividades = doc.Poi.Actividades.Skip(1).ToList() } };
        var huella = await Huella.DeEntidadAsync(app.Base.Conexion, Entidad);

        var r = await ImportarAsync(Texto(sin));

        Assert.False(r.Exito);
        var error = Assert.Single(r.Errores);
        Assert.StartsWith($"La actividad {quitada.Codigo} tiene avance registrado (enero, febrero, marzo", error, StringComparison.Ordinal);
        Assert.EndsWith("y no figura en lo que se importa: una importación no puede retirarla. Para cambiarlo registre un POI Modificado en Formulación.",
            error, StringComparison.Ordinal);
        Assert.Equal(huella, await Huella.DeEntidadAsync(app.Base.Conexion, Entidad));
    }

    [Fact]
    public async Task Json_MetaDeUnMesAprobado_SeRechazaConSuRuta_YNoCambiaNada()
    {
        var doc = await ExportarAsync();
        var a = doc.Poi.Actividades[3];
        var programado = a.Programado.ToArray();
        programado[0] += 1;
        var cambiado = Reemplazar(doc, 3, a with { Programado = programado, MetaAnual = null, FinancieroPorGenerica = a.FinancieroPorGenerica });
        var huella = await Huella.DeEntidadAsync(app.Base.Conexion, Entidad);

        var r = await ImportarAsync(Texto(cambiado));

        Assert.False(r.Exito);
        Assert.Equal(
            [$"poi.actividades[3].programado[0]: La actividad {a.Codigo}, enero: la meta cambiaría de {Num(a.Programado[0])} a {Num(programado[0])}, " +
             $"pero el seguimiento de enero del centro {a.CentroCosto} está aprobado; una importación no cambia la meta de un mes enviado o aprobado. " +
             "Para cambiarlo registre un POI Modificado en Formulación."],
            r.Errores);
        Assert.Equal(huella, await Huella.DeEntidadAsync(app.Base.Conexion, Entidad));
    }

    [Fact]
    public async Task Json_EjecutadoDistintoEnUnMesAprobado_SeRechazaConSuRuta_YNoCambiaNada()
    {
        var doc = await ExportarAsync();
        var a = doc.Poi.Actividades[1];
        var ejecutado = a.Ejecutado.ToArray();
        var antes = ejecutado[2];
        ejecutado[2] = (antes ?? 0) + 7;
        var huella = await Huella.DeEntidadAsync(app.Base.Conexion, Entidad);

        var r = await ImportarAsync(Texto(Reemplazar(doc, 1, a with { Ejecutado = ejecutado })));

        Assert.False(r.Exito);
        Assert.Equal(
            [$"poi.actividades[1].ejecutado[2]: La actividad {a.Codigo}, marzo: la ejecución física registrada es {(antes is { } v ? Num(v) : "vacía")} " +
             $"y lo importado trae {Num(ejecutado[2]!.Value)}, pero el seguimiento de marzo del centro {a.CentroCosto} está aprobado; " +
             "una importación no cambia un mes enviado o aprobado."],
            r.Errores);
        Assert.Equal(huella, await Huella.DeEntidadAsync(app.Base.Conexion, Entidad));
    }

    [Fact]
    public async Task Json_MesEnBorrador_ElArchivoLoActualiza_YLaAuditoriaGuardaAntesYDespues()
    {
        var doc = await ExportarAsync();
        // A centre whose November is a saved draft: registered values, month still pendiente (no state row counts as pendiente).
        var enviados = doc.Poi.Seguimiento!.Where(s => s.Mes == 11 && s.Estado != EstadoSeguimiento.Pendiente).Select(s => s.CentroCosto).ToHashSet();
        var i = doc.Poi.Actividades.ToList().FindIndex(a => !enviados.Contains(a.CentroCosto) && a.Ejecutado[10] is not null);
        Assert.True(i >= 0, "el demo debe tener un noviembre en borrador con valores");
        var a = doc.Poi.Actividades[i];
        var ejecutado = a.Ejecutado.ToArray();
        var antes = ejecutado[10]!.Value;
        ejecutado[10] = antes + 3;

        var r = await ImportarAsync(Texto(Reemplazar(doc, i, a with { Ejecutado = ejecutado })));

        Assert.True(r.Exito, string.Join("\n", r.Errores));
        await using var db = app.Base.Contexto();
        var avance = await db.Avances.SingleAsync(v => v.Mes == 11 && db.Actividades.Any(x => x.Id == v.ActividadId && x.Codigo == a.Codigo
            && db.Pois.Any(p => p.Id == x.PoiId && p.Anio == Anio && db.Entidades.Any(e => e.Id == p.EntidadId && e.Codigo == Entidad))));
        Assert.Equal(antes + 3, avance.EjecutadoFisico);
        var cambios = await db.Auditoria.Where(x => x.Tabla == "avance_mensual" && x.Campo == "ejecutado_fisico" && x.Accion == AccionAuditada.Cambio
            && x.Clave.StartsWith(avance.Id.ToString(CultureInfo.InvariantCulture) + " ")).ToListAsync();
        var cambio = Assert.Single(cambios);
        Assert.Equal((antes, antes + 3), (decimal.Parse(cambio.ValorAnterior!, CultureInfo.InvariantCulture), decimal.Parse(cambio.ValorNuevo!, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Excel_ReimportarLaMatriz_ConservaAvanceYEstados_NingunMesAtrasado()
    {
        var antes = await ProgresoAsync();
        var evaluacion = await EvaluarAsync();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SipoiDbContext>();

        var (revision, r) = await ImportacionPoiExcel.ImportarAsync(db, Entidad, Anio, new MemoryStream(await MatrizAsync()), "matriz.xlsx", default);

        Assert.True(revision.EsValida, string.Join("\n", revision.Errores));
        Assert.True(r!.Exito, string.Join("\n", r.Errores));
        Assert.Equal(antes, await ProgresoAsync());
        Assert.Equal(evaluacion, await EvaluarAsync());
    }

    [Fact]
    public async Task Excel_MetaDeUnMesAprobado_SeRechazaNombrandoActividadYMes_YNoCambiaNada()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SipoiDbContext>();
        var revision = await ImportacionPoiExcel.RevisarAsync(db, Entidad, Anio, new MemoryStream(await MatrizAsync()), default);
        Assert.True(revision.EsValida, string.Join("\n", revision.Errores));
        var poi = revision.Lectura!.Poi!;
        var a = poi.Actividades[0];
        var programado = a.Programado.ToArray();
        programado[1] += 5;
        var cambiado = poi with { Actividades = [a with { Programado = programado }, .. poi.Actividades.Skip(1)] };
        var (entidadId, peiId) = await db.Pois.Where(p => p.Anio == Anio && db.Entidades.Any(e => e.Id == p.EntidadId && e.Codigo == Entidad))
            .Select(p => new ValueTuple<int, int>(p.EntidadId, p.PeiId)).SingleAsync();
        var huella = await Huella.DeEntidadAsync(app.Base.Conexion, Entidad);

        // What the Excel import calls once the workbook is read (ImportacionPoiExcel.ImportarAsync).
        var r = await ImportadorPlan.ReemplazarPoiAsync(db, entidadId, peiId, cambiado, "prueba", default);

        Assert.False(r.Exito);
        var error = Assert.Single(r.Errores);
        Assert.StartsWith($"La actividad {a.Codigo}, febrero: la meta cambiaría de {Num(a.Programado[1])} a {Num(programado[1])}, pero el seguimiento de febrero",
            error, StringComparison.Ordinal);
        Assert.EndsWith("Para cambiarlo registre un POI Modificado en Formulación.", error, StringComparison.Ordinal);
        Assert.Equal(huella, await Huella.DeEntidadAsync(app.Base.Conexion, Entidad));
    }

    [Fact]
    public async Task Json_ActividadNuevaEnUnCentroInactivo_SeRechazaConSuRuta_LasQueYaTeniaQuedan()
    {
        var doc = await ExportarAsync();
        var modelo = doc.Poi.Actividades[0];
        // Only December (still pending) is programmed, so nothing but the centre's state can refuse it.
        var nueva = modelo with
        {
            Codigo = "AO-NUEVA-INACTIVO",
            Nombre = "Actividad nueva en un centro cerrado",
            Comportamiento = Comportamiento.Suma,
            Programado = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5],
            Ejecutado = new decimal?[12],
            MetaAnual = null,
            FinancieroProgramado = new decimal[12],
            FinancieroEjecutado = new decimal?[12],
            FinancieroPorGenerica = [],
            Justificaciones = [],
        };
        var conNueva = doc with { Poi = doc.Poi with { Actividades = [.. doc.Poi.Actividades, nueva] } };
        await CentroActivoAsync(modelo.CentroCosto, false);
        try
        {
            var huella = await Huella.DeEntidadAsync(app.Base.Conexion, Entidad);

            var r = await ImportarAsync(Texto(conNueva));

            Assert.False(r.Exito);
            Assert.Equal(
                [$"poi.actividades[{doc.Poi.Actividades.Count}].centroCosto: el centro de costo {modelo.CentroCosto} está inactivo: no recibe actividades nuevas. " +
                 $"Asígnela a otro centro o reactive {modelo.CentroCosto} en Administración → Organigrama"],
                r.Errores);
            Assert.Equal(huella, await Huella.DeEntidadAsync(app.Base.Conexion, Entidad));

            // The activities the closed centre already had are not new: the same file without the new one loads.
            var igual = await ImportarAsync(Texto(doc));
            Assert.True(igual.Exito, string.Join("\n", igual.Errores));
        }
        finally
        {
            await CentroActivoAsync(modelo.CentroCosto, true);
        }
    }

    private async Task CentroActivoAsync(string codigo, bool activo)
    {
        await using var cn = new Npgsql.NpgsqlConnection(app.Base.Conexion);
        await cn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand(
            "UPDATE centro_costo SET activo = @a WHERE codigo = @c AND entidad_id = (SELECT id FROM entidad WHERE codigo = @e)", cn);
        cmd.Parameters.AddWithValue("a", activo);
        cmd.Parameters.AddWithValue("c", codigo);
        cmd.Parameters.AddWithValue("e", Entidad);
        Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
    }

    private static DocumentoIntercambio Reemplazar(DocumentoIntercambio doc, int i, ActividadDto a) =>
        doc with { Poi = doc.Poi with { Actividades = [.. doc.Poi.Actividades.Take(i), a, .. doc.Poi.Actividades.Skip(i + 1)] } };

    private static string Num(decimal v) => v.ToString("#,0.####", CultureInfo.InvariantCulture);

    private static string Texto(DocumentoIntercambio doc) => EscritorIntercambio.EscribirTexto(doc);

    private async Task<DocumentoIntercambio> ExportarAsync()
    {
        await using var db = app.Base.Contexto();
        return (await ExportadorPlan.ExportarAsync(db, Entidad, Anio))!;
    }

    /// <summary>As `./sipoi import` does, with the app's audited context.</summary>
    private async Task<ResultadoImportacion> ImportarAsync(string json)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SipoiDbContext>();
        return await ImportadorPlan.ImportarAsync(db, new MemoryStream(Encoding.UTF8.GetBytes(json)));
    }

    private async Task<byte[]> MatrizAsync()
    {
        await using var db = app.Base.Contexto();
        var d = (await DatosReporte.CargarAsync(db, Entidad, Anio, default))!;
        return (await GeneradorReportes.GenerarAsync(db, d, new SolicitudReporte(TipoReporte.Matriz, Periodo.Anual, 12), null, default)).Contenido;
    }

    /// <summary>Every registered month (values and texts), every month state and every evidence of the year, by codes.</summary>
    private async Task<string> ProgresoAsync()
    {
        await using var db = app.Base.Contexto();
        var poi = await db.Pois.SingleAsync(p => p.Anio == Anio && db.Entidades.Any(e => e.Id == p.EntidadId && e.Codigo == Entidad));
        var avances = await (from v in db.Avances
                             join a in db.Actividades on v.ActividadId equals a.Id
                             where a.PoiId == poi.Id
                             orderby a.Codigo, v.Mes
                             select $"{a.Codigo}|{v.Mes}|{v.EjecutadoFisico}|{v.EjecutadoFinanciero}|{v.Logros}|{v.Dificultades}|{v.MedidasCorrectivas}").ToListAsync();
        var financieros = await (from v in db.AvancesFinancieros
                                 join a in db.Actividades on v.ActividadId equals a.Id
                                 where a.PoiId == poi.Id
                                 orderby a.Codigo, v.Generica, v.Mes
                                 select $"{a.Codigo}|{v.Generica}|{v.Mes}|{v.Monto}").ToListAsync();
        var estados = await (from s in db.Seguimientos
                             join c in db.CentrosCosto on s.CentroCostoId equals c.Id
                             where s.PoiId == poi.Id
                             orderby c.Codigo, s.Mes
                             select $"{c.Codigo}|{s.Mes}|{s.Estado}|{s.Observacion}").ToListAsync();
        var evidencias = await (from ev in db.Evidencias
                                join a in db.Actividades on ev.ActividadId equals a.Id
                                where a.PoiId == poi.Id
                                orderby a.Codigo, ev.Mes, ev.Nombre
                                select $"{a.Codigo}|{ev.Mes}|{ev.Nombre}|{ev.Tamano}").ToListAsync();
        return string.Join("\n", avances.Concat(financieros).Concat(estados).Concat(evidencias));
    }

    private async Task<List<string>> EvaluarAsync()
    {
        await using var db = app.Base.Contexto();
        var resultado = new List<string>();
        foreach (var p in new[] { Periodo.Anual, Periodo.AcumuladoAl(11), Periodo.Semestre(2), Periodo.Mes(11) })
            resultado.Add(EvaluacionJson.ComoTexto((await ConsultaEvaluacion.EvaluarAsync(db, Entidad, Anio, p))!, Entidad));
        return resultado;
    }

    private async Task AgregarEvidenciaAsync()
    {
        await using var db = app.Base.Contexto();
        var a = await db.Actividades.OrderBy(x => x.Id).FirstAsync(x => db.Pois.Any(p => p.Id == x.PoiId && p.Anio == Anio));
        if (await db.Evidencias.AnyAsync(e => e.ActividadId == a.Id)) return;
        db.Evidencias.Add(new ArchivoEvidencia(a.EntidadId, a.Id, 3, "acta.pdf", TipoEvidencia.Pdf, "%PDF-1.4\n%%EOF"u8.ToArray(), "prueba", DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }
}
