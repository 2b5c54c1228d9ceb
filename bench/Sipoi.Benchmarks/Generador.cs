using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Sipoi.Domain.Periodos;
using Sipoi.Web.Arranque;
using Sipoi.Web.Data;

namespace Sipoi.Benchmarks;

/// <summary>Parameters of a synthetic data set. Defaults: a provincial municipality (DOMAIN.md §7).</summary>
public sealed record OpcionesGenerador(
    int Entidades,
    int Actividades = 351,
    int Aei = 34,
    int Oei = 9,
    int Meses = 9,
    int Anio = 2024,
    int Semilla = 20241,
    int CentrosCosto = 46,
    int LoteEntidades = 50,
    string Prefijo = "BENCH")
{
    public void Validar()
    {
        if (Entidades < 1) throw new ArgumentException("entidades ≥ 1");
        if (Oei < 1 || Aei < Oei) throw new ArgumentException("se necesita oei ≥ 1 y aei ≥ oei");
        if (Actividades < 1) throw new ArgumentException("actividades ≥ 1");
        if (Meses is < 0 or > 12) throw new ArgumentException("meses entre 0 y 12");
        if (CentrosCosto < 1 || LoteEntidades < 1) throw new ArgumentException("centros de costo y lote ≥ 1");
    }
}

public sealed record ResumenGeneracion(int Entidades, long Actividades, long MetasMensuales, long AvancesMensuales, TimeSpan Duracion);

/// <summary>
/// Writes synthetic entities (PEI with OEI/AEI and indicators, cost centres, one POI with one approved
/// version, activities with 12 monthly targets and the registered months' execution) into the real
/// tables with binary COPY. Deterministic: entity i always gets the same data for the same seed.
/// Ids are assigned here (from the tables' current maximum) and the identity sequences are moved
/// past them at the end. One transaction per batch of entities; only one batch is in memory.
/// </summary>
public static class Generador
{
    private static readonly string[] Tablas =
        ["entidad", "pei", "centro_costo", "oei", "aei", "indicador", "valor_indicador", "poi", "poi_version",
         "actividad", "programacion", "meta_mensual", "avance_mensual"];

    public static DbContextOptions<SipoiDbContext> OpcionesDb(string conexion) =>
        new DbContextOptionsBuilder<SipoiDbContext>().UseNpgsql(conexion).ConfigureWarnings(BaseDeDatos.Advertencias).Options;

    public static async Task<ResumenGeneracion> GenerarAsync(string conexion, OpcionesGenerador o, Action<string>? log = null, CancellationToken ct = default)
    {
        o.Validar();
        var reloj = Stopwatch.StartNew();
        await using (var db = new SipoiDbContext(OpcionesDb(conexion)))
            await db.Database.MigrateAsync(ct);

        // No command timeout: on a loaded machine one batch's COPY can take longer than the default 30 s.
        await using var cx = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(conexion) { CommandTimeout = 0 }.ConnectionString);
        await cx.OpenAsync(ct);
        var ids = new Dictionary<string, long>();
        foreach (var t in Tablas)
        {
            await using var cmd = new NpgsqlCommand($"SELECT coalesce(max(id), 0) FROM {t}", cx);
            ids[t] = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }

        long actividades = 0, metas = 0, avances = 0;
        for (var inicio = 0; inicio < o.Entidades; inicio += o.LoteEntidades)
        {
            var cantidad = Math.Min(o.LoteEntidades, o.Entidades - inicio);
            var lote = new PlanEntidad[cantidad];
            for (var k = 0; k < cantidad; k++) lote[k] = Planificar(o, inicio + k, ids);
            await using (var tx = await cx.BeginTransactionAsync(ct))
            {
                await EscribirAsync(cx, o, lote, ct);
                await tx.CommitAsync(ct);
            }
            foreach (var p in lote)
            {
                actividades += p.Actividades.Length;
                metas += p.Actividades.Length * 12L;
                avances += p.Actividades.Length * (long)o.Meses;
            }
            log?.Invoke($"  {inicio + cantidad}/{o.Entidades} entidades, {metas:N0} metas mensuales ({reloj.Elapsed.TotalSeconds:F1} s)");
        }

        foreach (var t in Tablas)
        {
            await using var cmd = new NpgsqlCommand(
                $"SELECT setval(pg_get_serial_sequence('{t}', 'id'), (SELECT max(id) FROM {t})) WHERE EXISTS (SELECT 1 FROM {t})", cx);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        return new ResumenGeneracion(o.Entidades, actividades, metas, avances, reloj.Elapsed);
    }

    private sealed class PlanActividad
    {
        public int Aei;            // index within the entity
        public int Centro;         // index within the entity
        public int Prioridad;
        public bool Inversion;
        public Comportamiento Comportamiento;
        public readonly decimal[] Metas = new decimal[12];
        public decimal?[] Ejecutado = [];
    }

    private sealed class PlanEntidad
    {
        public int Indice;
        public int EntidadId, PeiId, PoiId, VersionId, OeiBase, AeiBase, CentroBase, IndicadorBase, ValorBase, ActividadBase, ProgramacionBase;
        public long MetaBase, AvanceBase;
        public int[] OeiDeAei = [];
        public int[] PrioridadAei = [];
        public decimal[] LogroEsperado = [];
        public decimal?[] ValorObtenido = [];
        public PlanActividad[] Actividades = [];
    }

    private static PlanEntidad Planificar(OpcionesGenerador o, int indice, Dictionary<string, long> ids)
    {
        var rnd = new Random(unchecked(o.Semilla * 1_000_003 + indice));
        int Reservar(string t, int n) { var b = (int)ids[t] + 1; ids[t] += n; return b; }
        long ReservarL(string t, long n) { var b = ids[t] + 1; ids[t] += n; return b; }
        var p = new PlanEntidad
        {
            Indice = indice,
            EntidadId = Reservar("entidad", 1),
            PeiId = Reservar("pei", 1),
            CentroBase = Reservar("centro_costo", o.CentrosCosto),
            OeiBase = Reservar("oei", o.Oei),
            AeiBase = Reservar("aei", o.Aei),
            IndicadorBase = Reservar("indicador", o.Oei + o.Aei),
            ValorBase = Reservar("valor_indicador", o.Oei + o.Aei),
            PoiId = Reservar("poi", 1),
            VersionId = Reservar("poi_version", 1),
            ActividadBase = Reservar("actividad", o.Actividades),
            ProgramacionBase = Reservar("programacion", o.Actividades),
            MetaBase = ReservarL("meta_mensual", o.Actividades * 12L),
            AvanceBase = ReservarL("avance_mensual", o.Actividades * (long)o.Meses),
        };
        // AEI j belongs to OEI j mod n; priorities 1..k inside each OEI.
        p.OeiDeAei = new int[o.Aei];
        p.PrioridadAei = new int[o.Aei];
        var porOei = new int[o.Oei];
        for (var j = 0; j < o.Aei; j++) { p.OeiDeAei[j] = j % o.Oei; p.PrioridadAei[j] = ++porOei[j % o.Oei]; }
        var nInd = o.Oei + o.Aei;
        p.LogroEsperado = new decimal[nInd];
        p.ValorObtenido = new decimal?[nInd];
        for (var i = 0; i < nInd; i++)
        {
            p.LogroEsperado[i] = rnd.Next(50, 500);
            p.ValorObtenido[i] = rnd.NextDouble() < 0.1 ? null : Math.Round(p.LogroEsperado[i] * (decimal)(0.4 + rnd.NextDouble() * 0.8), 2);
        }

        // Unique priorities 1..n in a shuffled order.
        var prioridades = Enumerable.Range(1, o.Actividades).ToArray();
        rnd.Shuffle(prioridades);
        p.Actividades = new PlanActividad[o.Actividades];
        for (var a = 0; a < o.Actividades; a++)
        {
            var x = rnd.NextDouble();
            var act = new PlanActividad
            {
                Aei = a % o.Aei,
                Centro = rnd.Next(o.CentrosCosto),
                Prioridad = prioridades[a],
                Inversion = rnd.NextDouble() < 0.05,
                Comportamiento = x < 0.75 ? Comportamiento.Suma : x < 0.87 ? Comportamiento.Promedio : x < 0.95 ? Comportamiento.Ultimo : Comportamiento.Maximo,
                Ejecutado = new decimal?[o.Meses],
            };
            var sinMetaAlguna = rnd.NextDouble() < 0.02;
            for (var m = 0; m < 12; m++)
            {
                decimal meta = act.Comportamiento switch
                {
                    Comportamiento.Suma => rnd.NextDouble() < 0.15 ? 0 : rnd.Next(1, 60),
                    Comportamiento.Promedio => 21,
                    Comportamiento.Ultimo => Math.Round(100m * (m + 1) / 12, 2),
                    _ => rnd.Next(10, 100),
                };
                act.Metas[m] = sinMetaAlguna ? 0 : meta;
            }
            var factor = 0.5 + rnd.NextDouble() * 0.7;
            for (var m = 0; m < o.Meses; m++)
            {
                if (rnd.NextDouble() < 0.05) { act.Ejecutado[m] = null; continue; }
                var e = act.Metas[m] * (decimal)(factor + (rnd.NextDouble() - 0.5) * 0.2);
                if (act.Metas[m] == 0 && rnd.NextDouble() < 0.1) e = rnd.Next(1, 5);   // executed without a target
                act.Ejecutado[m] = Math.Round(Math.Max(e, 0), 2);
            }
            p.Actividades[a] = act;
        }
        return p;
    }

    private static string Codigo(OpcionesGenerador o, PlanEntidad p) => $"{o.Prefijo}-{p.EntidadId:00000}";

    private static async Task EscribirAsync(NpgsqlConnection cx, OpcionesGenerador o, PlanEntidad[] lote, CancellationToken ct)
    {
        await using (var w = await cx.BeginBinaryImportAsync(
            "COPY entidad (id, codigo, nombre, tipo, metodo, banda_medio_desde, banda_alto_desde, etiqueta_bajo, etiqueta_medio, etiqueta_alto, tolerancia_inferior, tolerancia_superior, dias_cierre) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var p in lote)
            {
                await w.StartRowAsync(ct);
                await w.WriteAsync(p.EntidadId, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(Codigo(o, p), NpgsqlDbType.Varchar, ct);
                await w.WriteAsync($"Municipalidad sintética {p.Indice + 1}", NpgsqlDbType.Text, ct);
                await w.WriteAsync("Municipalidad provincial", NpgsqlDbType.Text, ct);
                await w.WriteAsync("Ceplan", NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(75m, NpgsqlDbType.Numeric, ct);
                await w.WriteAsync(95m, NpgsqlDbType.Numeric, ct);
                await w.WriteAsync("Bajo", NpgsqlDbType.Varchar, ct);
                await w.WriteAsync("Medio", NpgsqlDbType.Varchar, ct);
                await w.WriteAsync("Alto", NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(85m, NpgsqlDbType.Numeric, ct);
                await w.WriteAsync(115m, NpgsqlDbType.Numeric, ct);
                await w.WriteAsync(10, NpgsqlDbType.Integer, ct);
            }
            await w.CompleteAsync(ct);
        }
        await using (var w = await cx.BeginBinaryImportAsync("COPY pei (id, entidad_id, codigo, nombre, inicio, fin, estado) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var p in lote)
            {
                await w.StartRowAsync(ct);
                await w.WriteAsync(p.PeiId, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(p.EntidadId, NpgsqlDbType.Integer, ct);
                await w.WriteAsync($"PEI {o.Anio}-{o.Anio + 3}", NpgsqlDbType.Text, ct);
                await w.WriteAsync("Plan Estratégico Institucional", NpgsqlDbType.Text, ct);
                await w.WriteAsync(o.Anio, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(o.Anio + 3, NpgsqlDbType.Integer, ct);
                await w.WriteAsync("EnImplementacion", NpgsqlDbType.Varchar, ct);
            }
            await w.CompleteAsync(ct);
        }
        await using (var w = await cx.BeginBinaryImportAsync("COPY centro_costo (id, entidad_id, codigo, nombre, es_gerencia) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var p in lote)
                for (var c = 0; c < o.CentrosCosto; c++)
                {
                    await w.StartRowAsync(ct);
                    await w.WriteAsync(p.CentroBase + c, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(p.EntidadId, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync($"CC.{c + 1:00}", NpgsqlDbType.Text, ct);
                    await w.WriteAsync($"Centro de costo {c + 1}", NpgsqlDbType.Text, ct);
                    await w.WriteAsync(c < 6, NpgsqlDbType.Boolean, ct);
                }
            await w.CompleteAsync(ct);
        }
        await using (var w = await cx.BeginBinaryImportAsync("COPY oei (id, entidad_id, pei_id, codigo, enunciado, prioridad) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var p in lote)
                for (var i = 0; i < o.Oei; i++)
                {
                    await w.StartRowAsync(ct);
                    await w.WriteAsync(p.OeiBase + i, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(p.EntidadId, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(p.PeiId, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync($"OEI.{i + 1:00}", NpgsqlDbType.Text, ct);
                    await w.WriteAsync($"Objetivo estratégico {i + 1}", NpgsqlDbType.Text, ct);
                    await w.WriteAsync(i + 1, NpgsqlDbType.Integer, ct);
                }
            await w.CompleteAsync(ct);
        }
        await using (var w = await cx.BeginBinaryImportAsync("COPY aei (id, entidad_id, oei_id, codigo, enunciado, prioridad) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var p in lote)
                for (var j = 0; j < o.Aei; j++)
                {
                    await w.StartRowAsync(ct);
                    await w.WriteAsync(p.AeiBase + j, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(p.EntidadId, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(p.OeiBase + p.OeiDeAei[j], NpgsqlDbType.Integer, ct);
                    await w.WriteAsync($"AEI.{p.OeiDeAei[j] + 1:00}.{p.PrioridadAei[j]:00}", NpgsqlDbType.Text, ct);
                    await w.WriteAsync($"Acción estratégica {j + 1}", NpgsqlDbType.Text, ct);
                    await w.WriteAsync(p.PrioridadAei[j], NpgsqlDbType.Integer, ct);
                }
            await w.CompleteAsync(ct);
        }
        // One indicator per OEI, then one per AEI, each with its annual value.
        await using (var w = await cx.BeginBinaryImportAsync("COPY indicador (id, entidad_id, oei_id, aei_id, codigo, nombre, sentido) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var p in lote)
                for (var i = 0; i < o.Oei + o.Aei; i++)
                {
                    var deOei = i < o.Oei;
                    await w.StartRowAsync(ct);
                    await w.WriteAsync(p.IndicadorBase + i, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(p.EntidadId, NpgsqlDbType.Integer, ct);
                    if (deOei) await w.WriteAsync(p.OeiBase + i, NpgsqlDbType.Integer, ct); else await w.WriteNullAsync(ct);
                    if (deOei) await w.WriteNullAsync(ct); else await w.WriteAsync(p.AeiBase + i - o.Oei, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync($"IND.{i + 1:00}", NpgsqlDbType.Text, ct);
                    await w.WriteAsync($"Indicador {i + 1}", NpgsqlDbType.Text, ct);
                    await w.WriteAsync("Ascendente", NpgsqlDbType.Varchar, ct);
                }
            await w.CompleteAsync(ct);
        }
        await using (var w = await cx.BeginBinaryImportAsync("COPY valor_indicador (id, entidad_id, indicador_id, anio, periodo, logro_esperado, valor_obtenido) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var p in lote)
                for (var i = 0; i < o.Oei + o.Aei; i++)
                {
                    await w.StartRowAsync(ct);
                    await w.WriteAsync(p.ValorBase + i, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(p.EntidadId, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(p.IndicadorBase + i, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(o.Anio, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(0, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(p.LogroEsperado[i], NpgsqlDbType.Numeric, ct);
                    if (p.ValorObtenido[i] is { } v) await w.WriteAsync(v, NpgsqlDbType.Numeric, ct); else await w.WriteNullAsync(ct);
                }
            await w.CompleteAsync(ct);
        }
        await using (var w = await cx.BeginBinaryImportAsync("COPY poi (id, entidad_id, anio, pei_id) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var p in lote)
            {
                await w.StartRowAsync(ct);
                await w.WriteAsync(p.PoiId, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(p.EntidadId, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(o.Anio, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(p.PeiId, NpgsqlDbType.Integer, ct);
            }
            await w.CompleteAsync(ct);
        }
        await using (var w = await cx.BeginBinaryImportAsync("COPY poi_version (id, entidad_id, poi_id, numero, tipo, etiqueta, estado, documento_aprobacion, fecha_aprobacion) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var p in lote)
            {
                await w.StartRowAsync(ct);
                await w.WriteAsync(p.VersionId, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(p.EntidadId, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(p.PoiId, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(1, NpgsqlDbType.Integer, ct);
                await w.WriteAsync("Anual", NpgsqlDbType.Varchar, ct);
                await w.WriteAsync($"POI {o.Anio} consistenciado", NpgsqlDbType.Text, ct);
                await w.WriteAsync("Aprobada", NpgsqlDbType.Varchar, ct);
                await w.WriteAsync($"RA N.º {p.Indice + 1}-{o.Anio - 1}", NpgsqlDbType.Text, ct);
                await w.WriteAsync(new DateOnly(o.Anio - 1, 12, 28), NpgsqlDbType.Date, ct);
            }
            await w.CompleteAsync(ct);
        }
        await using (var w = await cx.BeginBinaryImportAsync(
            "COPY actividad (id, entidad_id, poi_id, codigo, tipo, nombre, centro_costo_id, aei_id, unidad_medida, mes_inicio, mes_fin, prioridad) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var p in lote)
                for (var a = 0; a < p.Actividades.Length; a++)
                {
                    var act = p.Actividades[a];
                    await w.StartRowAsync(ct);
                    await w.WriteAsync(p.ActividadBase + a, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(p.EntidadId, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(p.PoiId, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync($"AO{a + 1:0000}", NpgsqlDbType.Text, ct);
                    await w.WriteAsync(act.Inversion ? "Inversion" : "AO", NpgsqlDbType.Varchar, ct);
                    await w.WriteAsync($"Actividad operativa {a + 1}", NpgsqlDbType.Text, ct);
                    await w.WriteAsync(p.CentroBase + act.Centro, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(p.AeiBase + act.Aei, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(act.Comportamiento == Comportamiento.Suma ? "Informe" : "Porcentaje", NpgsqlDbType.Text, ct);
                    await w.WriteAsync(1, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(12, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(act.Prioridad, NpgsqlDbType.Integer, ct);
                }
            await w.CompleteAsync(ct);
        }
        await using (var w = await cx.BeginBinaryImportAsync("COPY programacion (id, entidad_id, actividad_id, poi_version_id, comportamiento, peso) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var p in lote)
                for (var a = 0; a < p.Actividades.Length; a++)
                {
                    await w.StartRowAsync(ct);
                    await w.WriteAsync(p.ProgramacionBase + a, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(p.EntidadId, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(p.ActividadBase + a, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(p.VersionId, NpgsqlDbType.Integer, ct);
                    await w.WriteAsync(p.Actividades[a].Comportamiento.ToString(), NpgsqlDbType.Varchar, ct);
                    await w.WriteAsync(1m, NpgsqlDbType.Numeric, ct);
                }
            await w.CompleteAsync(ct);
        }
        await using (var w = await cx.BeginBinaryImportAsync("COPY meta_mensual (id, entidad_id, programacion_id, mes, fisico, financiero) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var p in lote)
            {
                var id = p.MetaBase;
                for (var a = 0; a < p.Actividades.Length; a++)
                    for (var m = 0; m < 12; m++)
                    {
                        var meta = p.Actividades[a].Metas[m];
                        await w.StartRowAsync(ct);
                        await w.WriteAsync(id++, NpgsqlDbType.Bigint, ct);
                        await w.WriteAsync(p.EntidadId, NpgsqlDbType.Integer, ct);
                        await w.WriteAsync(p.ProgramacionBase + a, NpgsqlDbType.Integer, ct);
                        await w.WriteAsync(m + 1, NpgsqlDbType.Integer, ct);
                        await w.WriteAsync(meta, NpgsqlDbType.Numeric, ct);
                        await w.WriteAsync(meta * 100m, NpgsqlDbType.Numeric, ct);
                    }
            }
            await w.CompleteAsync(ct);
        }
        await using (var w = await cx.BeginBinaryImportAsync("COPY avance_mensual (id, entidad_id, actividad_id, mes, ejecutado_fisico, ejecutado_financiero) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var p in lote)
            {
                var id = p.AvanceBase;
                for (var a = 0; a < p.Actividades.Length; a++)
                    for (var m = 0; m < o.Meses; m++)
                    {
                        var e = p.Actividades[a].Ejecutado[m];
                        await w.StartRowAsync(ct);
                        await w.WriteAsync(id++, NpgsqlDbType.Bigint, ct);
                        await w.WriteAsync(p.EntidadId, NpgsqlDbType.Integer, ct);
                        await w.WriteAsync(p.ActividadBase + a, NpgsqlDbType.Integer, ct);
                        await w.WriteAsync(m + 1, NpgsqlDbType.Integer, ct);
                        if (e is { } v)
                        {
                            await w.WriteAsync(v, NpgsqlDbType.Numeric, ct);
                            await w.WriteAsync(v * 100m, NpgsqlDbType.Numeric, ct);
                        }
                        else
                        {
                            await w.WriteNullAsync(ct);
                            await w.WriteNullAsync(ct);
                        }
                    }
            }
            await w.CompleteAsync(ct);
        }
        // Evaluation reads approved months only: the registered months enter approved, as an import's do.
        await using (var cmd = new NpgsqlCommand("""
            INSERT INTO seguimiento_mensual (entidad_id, poi_id, anio, centro_costo_id, mes, estado, revisado_por, revisado_en,
                                             ultima_accion, ultimo_cambio_por, ultimo_cambio_en)
            SELECT DISTINCT a.entidad_id, a.poi_id, p.anio, a.centro_costo_id, v.mes, 'Aprobado', 'generador', now(), 'importacion', 'generador', now()
              FROM avance_mensual v JOIN actividad a ON a.id = v.actividad_id JOIN poi p ON p.id = a.poi_id
             WHERE a.entidad_id = ANY(@entidades)
            """, cx))
        {
            cmd.Parameters.AddWithValue("entidades", lote.Select(p => p.EntidadId).ToArray());
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }
}
