using Microsoft.EntityFrameworkCore;
using Sipoi.Interop.Reportes;
using Sipoi.Web.Data;

namespace Sipoi.Web.Informes;

/// <summary>What the recommendations matrix gives the evaluation report (§6.4): the follow-up table and section 7.</summary>
public static class RecomendacionesInforme
{
    /// <summary>
    /// Earlier recommendations with their status as of the evaluation of (<paramref name="anio"/>, <paramref name="periodo"/>),
    /// registered or not; and the recommendations this evaluation issues, as section 7's paragraphs — null when it
    /// issues none, so the report drafts them from the figures.
    /// </summary>
    public static async Task<(IReadOnlyList<RecomendacionAnterior> Anteriores, IReadOnlyList<string>? Emitidas)> CargarAsync(
        SipoiDbContext db, int entidadId, int anio, Periodo periodo, CancellationToken ct)
    {
        var nombres = await NombresAsync(db, entidadId, ct);
        var orden = EvaluacionPoi.OrdenDe(anio, periodo);
        var anteriores = (await RegistroEvaluaciones.AnterioresAsync(db, entidadId, orden, ct)).Select(x =>
        {
            var estado = Recomendacion.EstadoDe(x.Seguimiento);
            return new RecomendacionAnterior(x.Recomendacion.AspectoMejora, x.Recomendacion.Texto, x.Recomendacion.AccionClave,
                nombres.Responsables(x.Recomendacion), Plazos.Fecha(x.Recomendacion.Plazo), estado.Nombre(),
                estado == EstadoRecomendacion.Implementada, x.Seguimiento?.Comentario, nombres.Objetivo(x.Recomendacion));
        }).ToList();

        var codigo = periodo.Codigo;
        var emitidas = await db.Recomendaciones.AsNoTracking().Include(r => r.Responsables)
            .Where(r => db.Evaluaciones.Any(e => e.Id == r.EvaluacionId && e.EntidadId == entidadId && e.Anio == anio && e.PeriodoCodigo == codigo))
            .OrderBy(r => r.Numero).ToListAsync(ct);
        IReadOnlyList<string>? textos = emitidas.Count == 0 ? null : emitidas.Select(r =>
            $"{ConPunto(r.Texto)} Acción clave: {ConPunto(r.AccionClave)} Responsable: {nombres.Responsables(r)}. Plazo: {Plazos.Fecha(r.Plazo)}.").ToList();
        return (anteriores, textos);
    }

    /// <summary>
    /// The whole matrix: every recommendation of the entity, oldest evaluation first, status as of the latest
    /// evaluation that followed it up. <paramref name="centros"/>: an Operador's cost centres (null: all) — it sees the
    /// recommendations one of its centres is responsible for.
    /// </summary>
    public static async Task<MatrizRecomendaciones> MatrizAsync(SipoiDbContext db, Entidad entidad, DateOnly hoy,
        IReadOnlyCollection<int>? centros, CancellationToken ct)
    {
        var nombres = await NombresAsync(db, entidad.Id, ct);
        var evaluaciones = await db.Evaluaciones.AsNoTracking().Where(e => e.EntidadId == entidad.Id).ToDictionaryAsync(e => e.Id, ct);
        var orden = evaluaciones.ToDictionary(e => e.Key, e => e.Value.Orden);
        var recomendaciones = await db.Recomendaciones.AsNoTracking().Include(r => r.Seguimiento).Include(r => r.Responsables).AsSplitQuery()
            .Where(r => r.EntidadId == entidad.Id && (centros == null || r.Responsables.Any(u => centros.Contains(u.CentroCostoId)))).ToListAsync(ct);
        var filas = recomendaciones.OrderBy(r => orden[r.EvaluacionId]).ThenBy(r => r.Numero).Select(r =>
        {
            var ultimo = r.SeguimientoAl(int.MaxValue, orden);
            var estado = Recomendacion.EstadoDe(ultimo);
            var historial = string.Join("; ", r.Seguimiento.OrderBy(s => orden[s.EvaluacionId])
                .Select(s => $"{evaluaciones[s.EvaluacionId].Periodo.Nombre} {evaluaciones[s.EvaluacionId].Anio}: {s.Estado.Nombre()}"));
            return new FilaRecomendacion(evaluaciones[r.EvaluacionId].Nombre, r.Numero, nombres.Objetivo(r), r.AspectoMejora, r.Texto, r.AccionClave,
                nombres.Responsables(r), r.Plazo, estado.Nombre(), ultimo?.Comentario, historial,
                Recomendacion.Vencida(r.Plazo, estado, hoy));
        }).ToList();
        return new MatrizRecomendaciones(entidad.NombreCorto, hoy, filas);
    }

    /// <summary>The names a recommendation's row shows: its units ("01.02 OFICINA …") and its OEI/AEI ("OEI.01 — enunciado").</summary>
    public static async Task<NombresRecomendacion> NombresAsync(SipoiDbContext db, int entidadId, CancellationToken ct) => new(
        await db.CentrosCosto.AsNoTracking().Where(c => c.EntidadId == entidadId).ToDictionaryAsync(c => c.Id, c => $"{c.Codigo} {c.Nombre}", ct),
        await db.Oeis.AsNoTracking().Where(o => o.EntidadId == entidadId).ToDictionaryAsync(o => o.Id, o => NombresRecomendacion.Objetivo(o.Codigo, o.Enunciado), ct),
        await db.Aeis.AsNoTracking().Where(a => a.EntidadId == entidadId).ToDictionaryAsync(a => a.Id, a => NombresRecomendacion.Objetivo(a.Codigo, a.Enunciado), ct));

    private static string ConPunto(string texto) => texto.EndsWith('.') ? texto : texto + ".";
}

/// <summary>How pages, reports, tasks and notices name a recommendation's responsibles and what it concerns.</summary>
/// <param name="Centros">Cost centre id → "01.02 OFICINA DE PLANEAMIENTO".</param>
/// <param name="Oeis">OEI id → "OEI.01 — enunciado".</param>
/// <param name="Aeis">AEI id → "AEI.01.01 — enunciado".</param>
public sealed record NombresRecomendacion(IReadOnlyDictionary<int, string> Centros, IReadOnlyDictionary<int, string> Oeis,
    IReadOnlyDictionary<int, string> Aeis)
{
    /// <summary>"OEI.01 — Mejorar la calidad del servicio" (the select's option, the matrix and the report).</summary>
    public static string Objetivo(string codigo, string enunciado) => $"{codigo} — {enunciado}";

    /// <summary>The units in code order, then the outside body: "01.02 OFICINA …; 03.01 GERENCIA …; Entidad externa: SUNASS".</summary>
    public string Responsables(Recomendacion r) => Responsables(r.Unidades.Select(u => Centros.GetValueOrDefault(u, "")), r.EntidadExterna);

    public static string Responsables(IEnumerable<string> unidades, string? entidadExterna) =>
        string.Join("; ", unidades.Order(StringComparer.Ordinal)
            .Concat(entidadExterna is null ? [] : [$"Entidad externa: {entidadExterna}"]));

    /// <summary>The OEI or AEI it concerns, or "" when none.</summary>
    public string Objetivo(Recomendacion r) =>
        r.OeiId is { } o ? Oeis.GetValueOrDefault(o, "") : r.AeiId is { } a ? Aeis.GetValueOrDefault(a, "") : "";
}
