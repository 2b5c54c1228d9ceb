using Sipoi.Domain.Seguimiento;

namespace Sipoi.Domain.Informes;

/// <summary>
/// Publishing a period that is not complete (issue 13, item 3): the office must confirm it explicitly and say why;
/// the number of centre-months left out and the reason are stored with the publication and shown on the public page
/// ("Publicada con 25 meses-centro sin aprobar: …").
/// </summary>
public sealed partial class EvaluacionPoi
{
    public const int LargoMaximoMotivoIncompleta = 500;

    /// <summary>Centre-months not approved when it was published; null when the period was complete.</summary>
    public int? MesesCentroSinAprobar { get; private set; }

    /// <summary>Why the office published an incomplete period; null when it was complete.</summary>
    public string? MotivoPublicacionIncompleta { get; private set; }

    public bool PublicadaIncompleta => MesesCentroSinAprobar is > 0;

    /// <summary>"Publicada con 25 meses-centro sin aprobar: cierre contable pendiente en dos gerencias."</summary>
    public string? NotaPublicacionIncompleta => PublicadaIncompleta
        ? NotaPublicadaIncompleta(MesesCentroSinAprobar!.Value, MotivoPublicacionIncompleta)
        : null;

    /// <summary>The one wording of an incomplete publication, singular or plural: "Publicada con 1 mes-centro sin aprobar: …".</summary>
    public static string NotaPublicadaIncompleta(int mesesCentroSinAprobar, string? motivo) =>
        $"Publicada con {mesesCentroSinAprobar} {(mesesCentroSinAprobar == 1 ? "mes-centro" : "meses-centro")} sin aprobar: {motivo}";

    /// <summary>
    /// Checks what publishing needs about completeness, before the files are generated: an incomplete period
    /// (<paramref name="completitud"/>, approved months only) needs <paramref name="confirmada"/> and a reason.
    /// Records the count and the reason, which the files then carry; a complete period clears them.
    /// </summary>
    public void VerificarCompletitudParaPublicar(Completitud completitud, bool confirmada, string? motivo)
    {
        ArgumentNullException.ThrowIfNull(completitud);
        VerificarEditable("la publicación");
        if (completitud.Completa)
        {
            MesesCentroSinAprobar = null;
            MotivoPublicacionIncompleta = null;
            return;
        }
        var texto = string.IsNullOrWhiteSpace(motivo) ? null : motivo.Trim();
        if (!confirmada || texto is null)
            throw new ReglaDominioException(
                $"La {NombreEnFrase} está incompleta. {completitud.Frase} Para publicarla así, confirme que publica un periodo incompleto " +
                "e indique el motivo.", confirmada ? "MotivoIncompleta" : "ConfirmarIncompleta");
        if (texto.Length > LargoMaximoMotivoIncompleta)
            throw new ReglaDominioException($"El motivo admite hasta {LargoMaximoMotivoIncompleta} caracteres.", "MotivoIncompleta");
        MesesCentroSinAprobar = completitud.MesesCentroFaltantes;
        MotivoPublicacionIncompleta = texto;
    }
}
