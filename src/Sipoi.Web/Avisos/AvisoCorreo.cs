using System.Text.Json;

namespace Sipoi.Web.Avisos;

/// <summary>Where a notice of the outbox stands.</summary>
public enum EstadoAviso
{
    /// <summary>Waiting to be sent (first time or again after a failure, from <see cref="AvisoCorreo.ProximoIntento"/>).</summary>
    Pendiente,
    /// <summary>The mail server accepted it.</summary>
    Enviado,
    /// <summary>Not sent on purpose: the user opted out of the kind, was deactivated or has no e-mail.</summary>
    Omitido,
}

/// <summary>
/// One notice for one user in the outbox (table aviso_correo). Queued in the same transaction as the event that causes it,
/// or by the periodic scan under a unique <see cref="Clave"/>; sent later by <see cref="EnvioAvisos"/>. The link is kept as
/// a page and its route values, turned into an absolute URL when sent (Sipoi:UrlPublica), so it follows the page's route.
/// </summary>
public sealed class AvisoCorreo
{
    public const int LargoMaximoError = 1000;
    public const int LargoMaximoPagina = 100;
    public const int LargoMaximoRuta = 500;
    public const int LargoMaximoOmision = 200;

    public long Id { get; private set; }
    public int EntidadId { get; private set; }
    public int UsuarioId { get; private set; }
    public TipoAviso Tipo { get; private set; }
    public string Clave { get; private set; } = null!;
    public string Asunto { get; private set; } = null!;
    public string Cuerpo { get; private set; } = null!;
    /// <summary>The Razor page the notice links to ("/Seguimiento/Mes").</summary>
    public string Pagina { get; private set; } = null!;
    /// <summary>The page's route values as JSON ({"entidad":"EMSAPUNO","anio":"2024",…}).</summary>
    public string Ruta { get; private set; } = null!;
    public EstadoAviso Estado { get; private set; }
    public DateTimeOffset CreadoEn { get; private set; }
    public DateTimeOffset ProximoIntento { get; private set; }
    public int Intentos { get; private set; }
    public string? UltimoError { get; private set; }
    public DateTimeOffset? EnviadoEn { get; private set; }
    public string? Omision { get; private set; }

    private AvisoCorreo() { }

    public AvisoCorreo(int entidadId, int usuarioId, TipoAviso tipo, string clave, MensajeAviso mensaje, string pagina,
        IReadOnlyDictionary<string, string> ruta, DateTimeOffset ahora)
    {
        EntidadId = entidadId;
        UsuarioId = usuarioId;
        Tipo = tipo;
        Clave = clave;
        Asunto = mensaje.Asunto;
        Cuerpo = mensaje.Cuerpo;
        Pagina = pagina;
        Ruta = JsonSerializer.Serialize(ruta);
        Estado = EstadoAviso.Pendiente;
        CreadoEn = ahora;
        ProximoIntento = ahora;
    }

    public IReadOnlyDictionary<string, string> ValoresRuta() =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(Ruta) ?? [];

    public void MarcarEnviado(DateTimeOffset ahora)
    {
        Estado = EstadoAviso.Enviado;
        EnviadoEn = ahora;
        Intentos++;
    }

    public void Omitir(string motivo) => (Estado, Omision) = (EstadoAviso.Omitido, Recortar(motivo, LargoMaximoOmision));

    /// <summary>A failed attempt: recorded, and tried again after the domain's wait (<see cref="Reintentos"/>); never given up.</summary>
    public void RegistrarFallo(string error, DateTimeOffset ahora)
    {
        Intentos++;
        UltimoError = Recortar(error, LargoMaximoError);
        ProximoIntento = Reintentos.ProximoIntento(Intentos, ahora);
    }

    private static string Recortar(string texto, int largo) => texto.Length <= largo ? texto : texto[..(largo - 1)] + "…";
}
