namespace Sipoi.Web.Seguridad;

/// <summary>What the session cookie says about the user besides its roles.</summary>
public static class ClaimsSipoi
{
    public const string Entidad = "sipoi:entidad";
    public const string EntidadId = "sipoi:entidad_id";
    public const string Nombre = "sipoi:nombre";
    public const string Nacional = "sipoi:nacional";
}
