using Sipoi.Domain.Organizacion;
using Sipoi.Domain.Seguimiento;

namespace Sipoi.Web.Tests.Infraestructura;

/// <summary>Monitoring months in a given state, built through the domain's own workflow (no shortcut around its rules).</summary>
public static class Seguimientos
{
    /// <summary>A Peru-time moment (UTC−5) at 10:00, as UTC: what TimeProvider gives and what Npgsql stores.</summary>
    public static DateTimeOffset En(int anio, int mes, int dia, int hora = 10) =>
        new DateTimeOffset(anio, mes, dia, hora, 0, 0, TimeSpan.FromHours(-5)).ToUniversalTime();

    /// <summary>A month submitted on its last day; its values are the caller's business (nothing to check here).</summary>
    public static SeguimientoMensual Enviado(Entidad entidad, int poiId, int anio, int centroCostoId, int mes)
    {
        var s = new SeguimientoMensual(entidad.Id, poiId, anio, centroCostoId, mes);
        s.Enviar([], entidad.Configuracion, "operador.prueba", En(anio, mes, DateTime.DaysInMonth(anio, mes)));
        return s;
    }

    /// <summary>A month submitted and approved by the planning office.</summary>
    public static SeguimientoMensual Aprobado(Entidad entidad, int poiId, int anio, int centroCostoId, int mes)
    {
        var s = Enviado(entidad, poiId, anio, centroCostoId, mes);
        s.Aprobar("planificador.prueba", En(anio, mes, DateTime.DaysInMonth(anio, mes)).AddDays(1));
        return s;
    }
}
