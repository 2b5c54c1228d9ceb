using Microsoft.EntityFrameworkCore;
using Sipoi.Web.Data;
using Sipoi.Web.Informes;

namespace Sipoi.Web.Cli;

public static partial class LineaDeComandos
{
    /// <summary>
    /// `sipoi publicar --entidad C --anio Y --periodo T1…T4|S1|S2|ANUAL [--documento D] [--confirmar-incompleta MOTIVO]`: registers
    /// the evaluation when missing and publishes it, as the evaluation page's "Publicar" does (for scheduled publishing).
    /// A period with centre-months not approved is refused unless --confirmar-incompleta gives the reason.
    /// </summary>
    private static async Task<int> PublicarAsync(Argumentos a, SipoiDbContext db, TextWriter salida, CancellationToken ct)
    {
        var codigo = a.Requerida("entidad");
        var anio = a.Entero("anio");
        var textoPeriodo = a.Requerida("periodo");
        var documento = a.Opcion("documento");
        var motivoIncompleta = a.Opcion("confirmar-incompleta");
        a.SinSobrantes();
        if (!Periodo.TryParse(textoPeriodo, out var periodo) || !EvaluacionPoi.PeriodosPermitidos.Contains(periodo))
            throw new ErrorCli(Periodo.NoValido(textoPeriodo, EvaluacionPoi.PeriodosPermitidos));
        var entidad = await db.Entidades.SingleOrDefaultAsync(e => e.Codigo == codigo, ct)
            ?? throw new ErrorCli($"no existe la entidad «{codigo}» (vea ./sipoi entidades).");
        try
        {
            var evaluacion = await RegistroEvaluaciones.BuscarAsync(db, entidad.Id, anio, periodo, ct)
                ?? await RegistroEvaluaciones.RegistrarAsync(db, entidad.Id, anio, periodo, ct);
            await RegistroEvaluaciones.PublicarAsync(db, evaluacion, documento, "cli:" + Environment.UserName, DateTimeOffset.UtcNow, ct,
                confirmarIncompleta: motivoIncompleta is not null, motivoIncompleta: motivoIncompleta);
            await salida.WriteLineAsync($"Publicada la {evaluacion.NombreEnFrase} de {entidad.Codigo}: /transparencia/{entidad.Codigo}");
            if (evaluacion.NotaPublicacionIncompleta is { } nota) await salida.WriteLineAsync(nota + ".");
            return 0;
        }
        catch (ReglaDominioException e) when (e.Campo is "ConfirmarIncompleta" or "MotivoIncompleta")
        {
            throw new ErrorCli(e.Message + " Desde la línea de comandos: --confirmar-incompleta \"motivo\".");
        }
        catch (ReglaDominioException e)
        {
            throw new ErrorCli(e.Message);
        }
    }
}
