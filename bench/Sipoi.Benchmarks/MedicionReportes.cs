using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sipoi.Domain.Periodos;
using Sipoi.Web.Data;
using Sipoi.Web.Reportes;

namespace Sipoi.Benchmarks;

public sealed record OpcionesReportes(int Anio = 2024, string Prefijo = "BENCH", int Repeticiones = 7, int HastaMes = 9, int RepeticionesPdf = 3, string? Entidad = null);

/// <summary>
/// Times each downloadable report for one generated entity, end to end as the web and `sipoi reporte` run it:
/// a new DbContext, <see cref="DatosReporte.CargarAsync"/>, the model builder (queries + engine) and the
/// Interop writer, down to the file's bytes (docs/reportes.md). Warm-up as <see cref="Cronometro"/> says, then N timed runs; best and median.
/// The model alone (without the writer) is timed too, to tell the two halves apart.
/// </summary>
public static class MedicionReportes
{
    public static async Task<int> EjecutarAsync(string conexion, OpcionesReportes o, TextWriter salida)
    {
        var opciones = Generador.OpcionesDb(conexion);
        string? codigo = o.Entidad;
        await using (var cx = new NpgsqlConnection(conexion))
        {
            await cx.OpenAsync();
            if (codigo is null)
            {
                await using var c = new NpgsqlCommand(
                    "SELECT e.codigo FROM entidad e JOIN poi p ON p.entidad_id = e.id AND p.anio = @anio WHERE e.codigo LIKE @prefijo ORDER BY e.id LIMIT 1", cx);
                c.Parameters.AddWithValue("anio", o.Anio);
                c.Parameters.AddWithValue("prefijo", o.Prefijo + "-%");
                codigo = await c.ExecuteScalarAsync() as string;
            }
            if (codigo is null) { salida.WriteLine($"No hay entidades {o.Prefijo}-… con POI {o.Anio}: ejecute primero 'generar'."); return 2; }
            await PrepararPresupuestoAsync(cx, codigo, o.Anio, salida);
            await using var v = new NpgsqlCommand("VACUUM ANALYZE", cx) { CommandTimeout = 0 };
            await v.ExecuteNonQueryAsync();
        }

        await using (var db = new SipoiDbContext(opciones))
        {
            var d = await DatosReporte.CargarAsync(db, codigo, o.Anio, default) ?? throw new InvalidOperationException($"{codigo} no tiene POI {o.Anio}.");
            var n = await db.Programaciones.CountAsync(p => p.PoiVersionId == d.Evaluacion.PoiVersionId);
            salida.WriteLine($"Entidad {codigo}: {n} AO; {Environment.ProcessorCount} núcleos, .NET {Environment.Version}; {o.Repeticiones} repeticiones " +
                (Cronometro.CalentamientoPorDefecto.Minimo > TimeSpan.Zero
                    ? $"tras calentar cada medida hasta que el JIT se asienta (mínimo {Cronometro.CalentamientoPorDefecto.Minimo.TotalSeconds:0.#} s)."
                    : "tras 1 de calentamiento."));
        }

        var solicitudes = new (string Nombre, SolicitudReporte Solicitud)[]
        {
            ("matriz (.xlsx)", new(TipoReporte.Matriz, Periodo.Anual, 12)),
            ($"ejecución al mes {o.HastaMes} (.xlsx)", new(TipoReporte.Ejecucion, Periodo.Anual, o.HastaMes)),
            ("seguimiento anual (.xlsx)", new(TipoReporte.Seguimiento, Periodo.Anual, 12)),
            ("presupuesto (.xlsx)", new(TipoReporte.Presupuesto, Periodo.Anual, 12)),
            ("informe anual (.docx)", new(TipoReporte.Informe, Periodo.Anual, 12)),
        };
        salida.WriteLine("| reporte | archivo | extremo a extremo (mejor / mediana) | solo modelo: consultas + motor (mejor / mediana) |");
        salida.WriteLine("|---|---|---|---|");
        foreach (var (nombre, s) in solicitudes)
        {
            var bytes = 0;
            var total = await Cronometro.TomarAsync(o.Repeticiones, async () =>
            {
                await using var db = new SipoiDbContext(opciones);
                var d = (await DatosReporte.CargarAsync(db, codigo, o.Anio, default))!;
                bytes = (await GeneradorReportes.GenerarAsync(db, d, s, null, default)).Contenido.Length;
            });
            var modelo = await Cronometro.TomarAsync(o.Repeticiones, async () =>
            {
                await using var db = new SipoiDbContext(opciones);
                var d = (await DatosReporte.CargarAsync(db, codigo, o.Anio, default))!;
                object _ = s.Tipo switch
                {
                    TipoReporte.Matriz => await ConstructorReportes.MatrizAsync(db, d, null, default),
                    TipoReporte.Ejecucion => await ConstructorReportes.EjecucionAsync(db, d, s.HastaMes, null, default),
                    TipoReporte.Seguimiento => await ConstructorReportes.SeguimientoAsync(db, d, s.Periodo, default),
                    TipoReporte.Presupuesto => await ConstructorReportes.PresupuestoAsync(db, d, default),
                    _ => await ConstructorReportes.InformeAsync(db, d, s.Periodo, default),
                };
            });
            salida.WriteLine($"| {nombre} | {bytes / 1024.0:F0} KiB | {total} | {modelo} |");
        }

        if (o.RepeticionesPdf > 0 && ConversorPdf.Disponible)
        {
            var pdf = await Cronometro.TomarAsync(o.RepeticionesPdf, async () =>
            {
                await using var db = new SipoiDbContext(opciones);
                var d = (await DatosReporte.CargarAsync(db, codigo, o.Anio, default))!;
                _ = await GeneradorReportes.GenerarPdfAsync(db, d, new SolicitudReporte(TipoReporte.Informe, Periodo.Anual, 12), default);
            });
            salida.WriteLine($"| informe anual (.pdf, LibreOffice) | | {pdf} ({o.RepeticionesPdf} repeticiones) | |");
        }
        else if (o.RepeticionesPdf > 0) salida.WriteLine("PDF: LibreOffice (soffice) no está instalado; no se mide.");
        return 0;
    }

    /// <summary>
    /// The generator writes no budget: give the measured entity what a real one has, so the budget summary is not
    /// timed on empty tables — 8 income/expenditure lines and, for every activity and month, an amount in 2.3.1
    /// (goods) and 2.3.2 (services). Done once; later runs find the rows.
    /// </summary>
    private static async Task PrepararPresupuestoAsync(NpgsqlConnection cx, string codigo, int anio, TextWriter salida)
    {
        await using var c = new NpgsqlCommand("""
            WITH e AS (SELECT id FROM entidad WHERE codigo = @codigo)
            INSERT INTO linea_presupuesto (entidad_id, anio, tipo, codigo, nombre, monto)
            SELECT e.id, @anio, l.tipo, l.codigo, l.nombre, l.monto FROM e, (VALUES
                ('Ingreso', '1.3', 'Venta de Bienes y Servicios', 17337130.00), ('Ingreso', '1.5', 'Otros Ingresos', 88600.00),
                ('Ingreso', '1.9', 'Saldo de Balance', 10175661.00), ('Egreso', '2.1', 'Personal y Obligaciones sociales', 9873891.00),
                ('Egreso', '2.2', 'Pensiones y Otras prestaciones sociales', 169125.00), ('Egreso', '2.3', 'Bienes y Servicios', 11525503.00),
                ('Egreso', '2.5', 'Otros Gastos', 160000.00), ('Egreso', '2.6', 'Adquisición de activos No Financieros', 5872872.00)) AS l(tipo, codigo, nombre, monto)
             WHERE NOT EXISTS (SELECT 1 FROM linea_presupuesto x WHERE x.entidad_id = e.id AND x.anio = @anio);
            WITH v AS (SELECT pv.id FROM poi_version pv JOIN poi p ON p.id = pv.poi_id JOIN entidad e ON e.id = p.entidad_id
                        WHERE e.codigo = @codigo AND p.anio = @anio)
            INSERT INTO programacion_financiera (entidad_id, programacion_id, generica, mes, monto)
            SELECT pr.entidad_id, pr.id, g.generica, m.mes, 1000 + (pr.id % 50) * 10 + m.mes
              FROM programacion pr JOIN v ON v.id = pr.poi_version_id
              CROSS JOIN generate_series(1, 12) AS m(mes) CROSS JOIN (VALUES ('2.3.1'), ('2.3.2')) AS g(generica)
             WHERE NOT EXISTS (SELECT 1 FROM programacion_financiera f JOIN programacion p2 ON p2.id = f.programacion_id JOIN v ON v.id = p2.poi_version_id);
            """, cx);
        c.Parameters.AddWithValue("codigo", codigo);
        c.Parameters.AddWithValue("anio", anio);
        var filas = await c.ExecuteNonQueryAsync();
        if (filas > 0) salida.WriteLine($"Presupuesto de prueba agregado a {codigo}: {filas:N0} filas (líneas de ingresos y egresos, programación financiera 2.3.1 / 2.3.2).");
    }
}
