using Microsoft.AspNetCore.Mvc;

namespace Sipoi.Web.Seguimiento;

/// <summary>Evidence upload limits (configuration section Sipoi:Evidencia).</summary>
public sealed class OpcionesEvidencia
{
    public const string Seccion = "Sipoi:Evidencia";

    /// <summary>Largest file accepted, in bytes (default 10 MB, DOMAIN.md §4's evidence files).</summary>
    public long LimiteBytes { get; set; } = Evidencia.LimitePorDefecto;

    /// <summary>Files one upload may carry.</summary>
    public int ArchivosPorEnvio { get; set; } = 5;

    /// <summary>
    /// The request size the upload endpoint accepts: every file at its limit plus room for the form's
    /// other fields and the multipart boundaries. Larger requests are cut by the server before they are read.
    /// </summary>
    public long LimiteSolicitud => LimiteBytes * ArchivosPorEnvio + 64 * 1024;

    public string LimiteTexto => LimiteBytes % (1024 * 1024) == 0
        ? $"{LimiteBytes / (1024 * 1024)} MB"
        : $"{LimiteBytes / 1024.0 / 1024.0:0.#} MB";
}

public static class ServiciosSeguimiento
{
    /// <summary>The evidence limits, and the upload page's request limits derived from them.</summary>
    public static IServiceCollection AddSipoiSeguimiento(this IServiceCollection services, IConfiguration configuration)
    {
        var opciones = configuration.GetSection(OpcionesEvidencia.Seccion).Get<OpcionesEvidencia>() ?? new OpcionesEvidencia();
        if (opciones.LimiteBytes <= 0 || opciones.ArchivosPorEnvio <= 0)
            throw new InvalidOperationException($"{OpcionesEvidencia.Seccion}: LimiteBytes y ArchivosPorEnvio deben ser positivos.");
        services.Configure<OpcionesEvidencia>(configuration.GetSection(OpcionesEvidencia.Seccion));
        if (configuration.GetValue<int?>("Sipoi:Seguimiento:ActividadesEnMemoria") is { } enMemoria)
            ProgramacionDelCentro.ActividadesEnMemoria = enMemoria >= 0 ? enMemoria
                : throw new InvalidOperationException("Sipoi:Seguimiento:ActividadesEnMemoria no puede ser negativo.");
        // Only the upload page takes large bodies; every other endpoint keeps the server's defaults.
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o =>
            o.Conventions.AddPageApplicationModelConvention("/Seguimiento/Evidencia", m =>
            {
                m.Filters.Add(new RequestSizeLimitAttribute(opciones.LimiteSolicitud));
                m.Filters.Add(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = opciones.LimiteSolicitud });
            }));
        return services;
    }
}
