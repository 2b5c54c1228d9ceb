using System.Globalization;
using Sipoi.Domain.Periodos;

namespace Sipoi.Domain.Calendario;

/// <summary>What a milestone of the entity's calendar marks (the directive's Anexo 02 cronograma).</summary>
public enum TipoHito { Registro, Evaluacion, Formulacion, Otro }

/// <summary>The formulation stages a milestone can mark; <see cref="PropuestaCentros"/> is the POI drafts' deadline.</summary>
public enum EtapaFormulacion { CuadroNecesidades, PropuestaCentros, Presupuesto, AprobacionPoi }

public static class TiposHito
{
    public static IReadOnlyList<TipoHito> Todos { get; } = Enum.GetValues<TipoHito>();
    public static IReadOnlyList<EtapaFormulacion> Etapas { get; } = Enum.GetValues<EtapaFormulacion>();

    /// <summary>The code the form and the table use.</summary>
    public static string Codigo(this TipoHito t) => t switch
    {
        TipoHito.Registro => "registro",
        TipoHito.Evaluacion => "evaluacion",
        TipoHito.Formulacion => "formulacion",
        TipoHito.Otro => "otro",
        _ => throw new ArgumentOutOfRangeException(nameof(t)),
    };

    public static string Nombre(this TipoHito t) => t switch
    {
        TipoHito.Registro => "Registro de avances",
        TipoHito.Evaluacion => "Evaluación",
        TipoHito.Formulacion => "Formulación",
        TipoHito.Otro => "Otro",
        _ => throw new ArgumentOutOfRangeException(nameof(t)),
    };

    public static bool TryParse(string? codigo, out TipoHito tipo)
    {
        var c = codigo?.Trim().ToLowerInvariant();
        foreach (var t in Todos)
        {
            if (t.Codigo() == c) { tipo = t; return true; }
        }
        tipo = TipoHito.Otro;
        return false;
    }

    public static string Codigo(this EtapaFormulacion e) => e switch
    {
        EtapaFormulacion.CuadroNecesidades => "necesidades",
        EtapaFormulacion.PropuestaCentros => "propuesta",
        EtapaFormulacion.Presupuesto => "presupuesto",
        EtapaFormulacion.AprobacionPoi => "aprobacion",
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };

    public static string Nombre(this EtapaFormulacion e) => e switch
    {
        EtapaFormulacion.CuadroNecesidades => "cuadro de necesidades de los centros",
        EtapaFormulacion.PropuestaCentros => "propuesta de los centros",
        EtapaFormulacion.Presupuesto => "consistencia con el presupuesto",
        EtapaFormulacion.AprobacionPoi => "aprobación del POI",
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };

    public static bool TryParseEtapa(string? codigo, out EtapaFormulacion etapa)
    {
        var c = codigo?.Trim().ToLowerInvariant();
        foreach (var e in Etapas)
        {
            if (e.Codigo() == c) { etapa = e; return true; }
        }
        etapa = EtapaFormulacion.CuadroNecesidades;
        return false;
    }
}

/// <summary>
/// One milestone of an entity's calendar for a cycle year N: the monitoring and evaluation of POI N and the
/// formulation of POI N+1 (CronogramaEntidad says which dates a cycle admits). <see cref="Referencia"/> is the
/// period a registration or evaluation milestone refers to (T1, S1, ANUAL…) or the stage a formulation
/// milestone marks (propuesta…); an "otro" milestone refers to nothing.
/// </summary>
public sealed class HitoCalendario
{
    public const int LargoMaximoNombre = 200;
    public const int LargoMaximoReferencia = 20;

    public int Id { get; private set; }
    public int EntidadId { get; private set; }
    public int Anio { get; private set; }
    public string Nombre { get; private set; } = null!;
    public TipoHito Tipo { get; private set; }
    public string? Referencia { get; private set; }
    public DateOnly? FechaInicio { get; private set; }
    public DateOnly Fecha { get; private set; }

    private HitoCalendario() { }

    /// <summary>A milestone CronogramaEntidad accepted (only it builds <see cref="DatosHito"/>).</summary>
    public HitoCalendario(int entidadId, int anio, DatosHito datos)
    {
        EntidadId = entidadId;
        Anio = anio;
        Actualizar(datos);
    }

    public void Actualizar(DatosHito datos)
    {
        Nombre = datos.Nombre;
        Tipo = datos.Tipo;
        Referencia = datos.Referencia;
        FechaInicio = datos.FechaInicio;
        Fecha = datos.Fecha;
    }

    public DatosHito Datos => new(Nombre, Tipo, Referencia, FechaInicio, Fecha);

    /// <summary>The period of a registration or evaluation milestone.</summary>
    public Periodo? Periodo => Tipo is TipoHito.Registro or TipoHito.Evaluacion && Periodos.Periodo.TryParse(Referencia, out var p) ? p : null;

    /// <summary>The stage of a formulation milestone.</summary>
    public EtapaFormulacion? Etapa => Tipo == TipoHito.Formulacion && TiposHito.TryParseEtapa(Referencia, out var e) ? e : null;

    /// <summary>"del 01/04/2025 al 30/04/2025" or "31/07/2025".</summary>
    public string Fechas => FechaInicio is { } i ? $"del {Texto(i)} al {Texto(Fecha)}" : Texto(Fecha);

    public static string Texto(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}

/// <summary>A milestone's values, checked: what a row of the calendar form becomes once CronogramaEntidad accepts it.</summary>
public sealed record DatosHito(string Nombre, TipoHito Tipo, string? Referencia, DateOnly? FechaInicio, DateOnly Fecha);
