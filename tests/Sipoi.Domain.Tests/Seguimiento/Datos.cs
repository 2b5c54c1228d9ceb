using Sipoi.Domain.Operativo;
using Sipoi.Domain.Organizacion;
using Sipoi.Domain.Periodos;
using Sipoi.Domain.Seguimiento;

namespace Sipoi.Domain.Tests.Seguimiento;

/// <summary>Small builders so each test states only what its rule is about.</summary>
internal static class Datos
{
    public static readonly ConfiguracionEntidad Config = ConfiguracionEntidad.PorDefecto();
    public static readonly MesDelAnio Enero2024 = new(2024, 1);

    /// <summary>A moment in Lima (UTC−5).</summary>
    public static DateTimeOffset En(int anio, int mes, int dia, int hora = 10) => new(anio, mes, dia, hora, 0, 0, TimeSpan.FromHours(-5));

    public static DateOnly Dia(int anio, int mes, int dia) => new(anio, mes, dia);

    public static SeguimientoMensual NuevoSeguimiento(int mes = 1, int centro = 7) => new(1, 3, 2024, centro, mes);

    /// <summary>An activity of January with a target and a registration.</summary>
    public static ActividadDelMes Ao(string codigo, decimal metaMes, decimal? fisico,
        string? logros = null, string? dificultades = null, string? medidas = null,
        decimal? metaAnual = null, string? unidad = "Informe", decimal? financiero = null,
        decimal metaFinMes = 0, decimal metaFinAnual = 0) =>
        new(codigo, unidad, metaMes, metaAnual ?? metaMes * 12, new DatosAvance(fisico, financiero, logros, dificultades, medidas),
            metaFinMes, metaFinAnual);

    public static ActividadDelMes Justificada(string codigo, decimal metaMes, decimal? fisico) =>
        Ao(codigo, metaMes, fisico, "Se avanzó lo posible", "Falta de personal", "Contratar apoyo");

    /// <summary>Submits a valid, empty month on its last day and returns it.</summary>
    public static SeguimientoMensual Enviado(int mes = 1)
    {
        var s = NuevoSeguimiento(mes);
        s.Enviar([], Config, "operador", En(2024, mes, DateTime.DaysInMonth(2024, mes)));
        return s;
    }

    public static ActividadOperativa Actividad(string codigo = "AO-01", int centro = 7, string unidad = "Informe") =>
        new(1, 3, codigo, TipoActividad.AO, "Elaborar informes", centro, 1, new DatosActividad(UnidadMedida: unidad));

    public static ProgramacionActividad Programacion(params decimal[] meses)
    {
        var fisico = new decimal[12];
        meses.CopyTo(fisico, 0);
        return new ProgramacionActividad(1, 0, 1, Comportamiento.Suma, 1, fisico);
    }
}
