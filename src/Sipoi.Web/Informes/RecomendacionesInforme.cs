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
        var centros = await db.CentrosCosto.AsNoTracking().Where(c => c.EntidadId == entidadId).ToDictionaryAsync(c => c.Id, c => c.Nombre, ct);
        var orden = EvaluacionPoi.OrdenDe(anio, periodo);
        var anteriores = (await RegistroEvaluaciones.AnterioresAsync(db, entidadId, orden, ct)).Select(x =>
        {
            var estado = Recomendacion.EstadoDe(x.Seguimiento);
            return new RecomendacionAnterior(x.Recomendacion.AspectoMejora, x.Recomendacion.Texto, x.Recomendacion.AccionClave,
                centros.GetValueOrDefault(x.Recomendacion.CentroCostoId, ""), Plazos.Fecha(x.Recomendacion.Plazo), estado.Nombre(),
                estado == EstadoRecomendacion.Implementada, x.Seguimiento?.Comentario);
        }).ToList();

        var codigo = periodo.Codigo;
        var emitidas = await db.Recomendaciones.AsNoTracking()
            .Where(r => db.Evaluaciones.Any(e => e.Id == r.EvaluacionId && e.EntidadId == entidadId && e.Anio == anio && e.PeriodoCodigo == codigo))
            .OrderBy(r => r.Numero).ToListAsync(ct);
        IReadOnlyList<string>? textos = emitidas.Count == 0 ? null : emitidas.Select(r =>
            $"{ConPunto(r.Texto)} Acción clave: {ConPunto(r.AccionClave)} Responsable: {centros.GetValueOrDefault(r.CentroCostoId, "")}. Plazo: {Plazos.Fecha(r.Plazo)}.").ToList();
        return (anteriores, textos);
    }

    /// <summary>
    /// The whole matrix: every recommendation of the entity, oldest evaluation first, status as of the latest
    /// evaluation that followed it up. <paramref name="centros"/>: an Operador's cost centres (null: all).
    /// </summary>
    public static async Task<MatrizRecomendaciones> MatrizAsync(SipoiDbContext db, Entidad entidad, DateOnly hoy,
        IReadOnlyCollection<int>? centros, CancellationToken ct)
    {
        var nombres = await db.CentrosCosto.AsNoTracking().Where(c => c.EntidadId == entidad.Id)
            .ToDictionaryAsync(c => c.Id, c => $"{c.Codigo} {c.Nombre}", ct);
        var evaluaciones = await db.Evaluaciones.AsNoTracking().Where(e => e.EntidadId == entidad.Id).ToDictionaryAsync(e => e.Id, ct);
        var orden = evaluaciones.ToDictionary(e => e.Key, e => e.Value.Orden);
        var recomendaciones = await db.Recomendaciones.AsNoTracking().Include(r => r.Seguimiento)
            .Where(r => r.EntidadId == entidad.Id && (centros == null || centros.Contains(r.CentroCostoId))).ToListAsync(ct);
        var filas = recomendaciones.OrderBy(r => orden[r.EvaluacionId]).ThenBy(r => r.Numero).Select(r =>
        {
            var ultimo = r.SeguimientoAl(int.MaxValue, orden);
            var estado = Recomendacion.EstadoDe(ultimo);
            var historial = string.Join("; ", r.Seguimiento.OrderBy(s => orden[s.EvaluacionId])
                .Select(s => $"{evaluaciones[s.EvaluacionId].Periodo.Nombre} {evaluaciones[s.EvaluacionId].Anio}: {s.Estado.Nombre()}"));
            return new FilaRecomendacion(evaluaciones[r.EvaluacionId].Nombre, r.Numero, r.AspectoMejora, r.Texto, r.AccionClave,
                nombres.GetValueOrDefault(r.CentroCostoId, ""), r.Plazo, estado.Nombre(), ultimo?.Comentario, historial,
                Recomendacion.Vencida(r.Plazo, estado, hoy));
        }).ToList();
        return new MatrizRecomendaciones(entidad.NombreCorto, hoy, filas);
    }

    private static string ConPunto(string texto) => texto.EndsWith('.') ? texto : texto + ".";
}
