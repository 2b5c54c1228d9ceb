
namespace Sipoi.Web.Avisos;

/// <summary>The SMTP server of the deployment (section Sipoi:Correo, docs/despliegue.md).</summary>
public sealed class OpcionesCorreo
{
    public string? Servidor { get; set; }
    public int Puerto { get; set; } = 587;
    public string? Usuario { get; set; }
    public string? Contrasena { get; set; }
    /// <summary>The From address: "SIPOI &lt;sipoi@entidad.gob.pe&gt;" or a bare address.</summary>
    public string? Remitente { get; set; }
    /// <summary>Auto (STARTTLS when offered), StartTls (required), Ssl (TLS from the first byte, port 465) or Ninguna.</summary>
    public string Seguridad { get; set; } = "Auto";
}

/// <summary>Notices: section Sipoi:Avisos, plus Sipoi:UrlPublica (the absolute address links in mails start with).</summary>
public sealed class OpcionesAvisos
{
    /// <summary>Sipoi:UrlPublica, e.g. https://sipoi.entidad.gob.pe (a path prefix is kept).</summary>
    public string? UrlPublica { get; set; }
    /// <summary>The "deadline in N days" notice: N.</summary>
    public int DiasAntesDelPlazo { get; set; } = ReglasAvisos.DiasAntesPorDefecto;
    /// <summary>How often this node sends pending notices; 0 turns the background service off on this node.</summary>
    public int SegundosEntreEnvios { get; set; } = 60;
    /// <summary>How often this node scans deadlines and recommendations.</summary>
    public int MinutosEntreRevisiones { get; set; } = 60;
    public OpcionesCorreo Correo { get; set; } = new();

    /// <summary>What is missing for mails to leave; empty when they can. Without it notices stay queued.</summary>
    public IReadOnlyList<string> Faltantes()
    {
        var faltan = new List<string>();
        if (string.IsNullOrWhiteSpace(Correo.Servidor)) faltan.Add("Sipoi:Correo:Servidor (el servidor SMTP)");
        if (string.IsNullOrWhiteSpace(Correo.Remitente)) faltan.Add("Sipoi:Correo:Remitente (la dirección que envía)");
        if (!Uri.TryCreate(UrlPublica, UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https"))
            faltan.Add("Sipoi:UrlPublica (la dirección pública de SIPOI, para los enlaces)");
        return faltan;
    }

    public bool CorreoConfigurado => Faltantes().Count == 0;
}
