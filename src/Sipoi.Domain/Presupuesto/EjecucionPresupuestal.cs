using Sipoi.Domain.Seguimiento;

namespace Sipoi.Domain.Presupuesto;

/// <summary>The opening budget (PIA) of one <see cref="ClavePresupuestal"/> of a year.</summary>
public sealed class CreditoPresupuestario
{
    public long Id { get; private set; }
    public int EntidadId { get; private set; }
    public int Anio { get; private set; }
    public int Fuente { get; private set; }
    public string Generica { get; private set; } = null!;
    public string? CentroCodigo { get; private set; }
    public string? ActividadCodigo { get; private set; }
    public decimal Pia { get; private set; }

    private CreditoPresupuestario() { }

    public CreditoPresupuestario(int entidadId, int anio, ClavePresupuestal clave, decimal pia)
    {
        ArgumentNullException.ThrowIfNull(clave);
        EntidadId = entidadId;
        Anio = anio;
        (Fuente, Generica, CentroCodigo, ActividadCodigo) = (clave.Fuente, clave.Generica, clave.Centro, clave.Actividad);
        Actualizar(pia);
    }

    public ClavePresupuestal Clave => ClavePresupuestal.Crear(Fuente, Generica, CentroCodigo, ActividadCodigo);

    public void Actualizar(decimal pia)
    {
        if (pia < 0) throw new ReglaDominioException($"PIA de {ClavePresupuestal.RotuloDe(Fuente, Generica)}: no puede ser negativo.", "pia");
        Pia = pia;
    }
}

/// <summary>
/// A budget modification (crédito suplementario, transferencia de partidas, habilitación o anulación): the document
/// that approves it («Resolución de Alcaldía N.° 045-2024-MPP»), its date and the amount it adds (+) or takes (−).
/// PIM = PIA + the modifications.
/// </summary>
public sealed class ModificacionPresupuestaria
{
    public long Id { get; private set; }
    public int EntidadId { get; private set; }
    public int Anio { get; private set; }
    public string Documento { get; private set; } = null!;
    public DateOnly Fecha { get; private set; }
    public int Fuente { get; private set; }
    public string Generica { get; private set; } = null!;
    public string? CentroCodigo { get; private set; }
    public string? ActividadCodigo { get; private set; }
    public decimal Monto { get; private set; }

    private ModificacionPresupuestaria() { }

    /// <param name="hoy">Today, in Peru: a modification is not dated in the future.</param>
    public ModificacionPresupuestaria(int entidadId, int anio, ClavePresupuestal clave, string documento, DateOnly fecha, decimal monto, DateOnly hoy)
    {
        ArgumentNullException.ThrowIfNull(clave);
        EntidadId = entidadId;
        Anio = anio;
        (Fuente, Generica, CentroCodigo, ActividadCodigo) = (clave.Fuente, clave.Generica, clave.Centro, clave.Actividad);
        Corregir(documento, fecha, monto, hoy);
    }

    public ClavePresupuestal Clave => ClavePresupuestal.Crear(Fuente, Generica, CentroCodigo, ActividadCodigo);

    public void Corregir(string documento, DateOnly fecha, decimal monto, DateOnly hoy)
    {
        var doc = Texto.Requerido(documento, "documento");
        if (fecha.Year != Anio)
            throw new ReglaDominioException($"Fecha {fecha:dd/MM/yyyy}: la modificación debe estar fechada dentro de {Anio}.", "fecha");
        if (fecha > hoy)
            throw new ReglaDominioException($"Fecha {fecha:dd/MM/yyyy}: es posterior a hoy ({hoy:dd/MM/yyyy}).", "fecha");
        if (monto == 0)
            throw new ReglaDominioException("Monto: una modificación de 0 no cambia el PIM; escriba el monto que habilita (+) o anula (−).", "monto");
        (Documento, Fecha, Monto) = (doc, fecha, monto);
    }
}

/// <summary>What was certified and accrued (devengado) in one month for one <see cref="ClavePresupuestal"/>, in soles.</summary>
public sealed class EjecucionPresupuestal
{
    public long Id { get; private set; }
    public int EntidadId { get; private set; }
    public int Anio { get; private set; }
    public int Mes { get; private set; }
    public int Fuente { get; private set; }
    public string Generica { get; private set; } = null!;
    public string? CentroCodigo { get; private set; }
    public string? ActividadCodigo { get; private set; }
    public decimal Certificado { get; private set; }
    public decimal Devengado { get; private set; }

    private EjecucionPresupuestal() { }

    public EjecucionPresupuestal(int entidadId, int anio, int mes, ClavePresupuestal clave, decimal certificado, decimal devengado)
    {
        ArgumentNullException.ThrowIfNull(clave);
        if (mes is < 1 or > 12) throw new ReglaDominioException($"Mes {mes}: debe ser de 1 (enero) a 12 (diciembre).", "mes");
        EntidadId = entidadId;
        Anio = anio;
        Mes = mes;
        (Fuente, Generica, CentroCodigo, ActividadCodigo) = (clave.Fuente, clave.Generica, clave.Centro, clave.Actividad);
        Actualizar(certificado, devengado);
    }

    public ClavePresupuestal Clave => ClavePresupuestal.Crear(Fuente, Generica, CentroCodigo, ActividadCodigo);

    public void Actualizar(decimal certificado, decimal devengado)
    {
        if (certificado < 0)
            throw new ReglaDominioException($"Certificado de {ClavePresupuestal.RotuloDe(Fuente, Generica)}, mes {Mes}: no puede ser negativo.", "certificado");
        if (devengado < 0)
            throw new ReglaDominioException($"Devengado de {ClavePresupuestal.RotuloDe(Fuente, Generica)}, mes {Mes}: no puede ser negativo.", "devengado");
        (Certificado, Devengado) = (certificado, devengado);
    }
}

/// <summary>PIA, modifications, PIM, certified and accrued amounts of one group (a fuente/genérica pair, a centre, an activity).</summary>
public sealed record SaldoPresupuestal(decimal Pia, decimal Modificaciones, decimal Certificado, decimal Devengado)
{
    public decimal Pim => Pia + Modificaciones;

    /// <summary>Devengado / PIM in percent; null when the PIM is 0 (nothing to execute against).</summary>
    public decimal? PorcentajeDevengado => Pim == 0 ? null : Devengado / Pim * 100;

    public decimal SaldoPorDevengar => Pim - Devengado;

    public static SaldoPresupuestal Cero { get; } = new(0, 0, 0, 0);

    public static SaldoPresupuestal operator +(SaldoPresupuestal a, SaldoPresupuestal b) =>
        new(a.Pia + b.Pia, a.Modificaciones + b.Modificaciones, a.Certificado + b.Certificado, a.Devengado + b.Devengado);
}

/// <summary>
/// The budget of a year through the year: how its amounts add up by any grouping, and the rules that hold for the
/// year as a whole (they are checked on the set, after each change: a form's modification, a whole import).
/// </summary>
public static class MarcoPresupuestal
{
    /// <summary>
    /// Adds the year's amounts by <paramref name="agrupar"/> (fuente/genérica, centre, activity…). Execution counts up to
    /// <paramref name="hastaMes"/> (1–12) when given, the whole year otherwise; PIA and modifications always count whole.
    /// </summary>
    public static IReadOnlyDictionary<TGrupo, SaldoPresupuestal> Resumir<TGrupo>(
        IEnumerable<CreditoPresupuestario> creditos,
        IEnumerable<ModificacionPresupuestaria> modificaciones,
        IEnumerable<EjecucionPresupuestal> ejecuciones,
        Func<ClavePresupuestal, TGrupo> agrupar,
        int? hastaMes = null) where TGrupo : notnull
    {
        var saldos = new Dictionary<TGrupo, SaldoPresupuestal>();
        void Sumar(ClavePresupuestal clave, SaldoPresupuestal s)
        {
            var g = agrupar(clave);
            saldos[g] = saldos.TryGetValue(g, out var previo) ? previo + s : s;
        }
        foreach (var c in creditos) Sumar(c.Clave, new(c.Pia, 0, 0, 0));
        foreach (var m in modificaciones) Sumar(m.Clave, new(0, m.Monto, 0, 0));
        foreach (var e in ejecuciones.Where(e => hastaMes is null || e.Mes <= hastaMes)) Sumar(e.Clave, new(0, 0, e.Certificado, e.Devengado));
        return saldos;
    }

    /// <summary>
    /// For each fuente/genérica: the PIM is never negative (a modification cannot take away more than there is), and
    /// neither the certified nor the accrued amount of the year exceeds it. The message names the pair and the amounts.
    /// </summary>
    public static void Verificar(
        IEnumerable<CreditoPresupuestario> creditos,
        IEnumerable<ModificacionPresupuestaria> modificaciones,
        IEnumerable<EjecucionPresupuestal> ejecuciones)
    {
        var saldos = Resumir(creditos, modificaciones, ejecuciones, c => (c.Fuente, c.Generica));
        foreach (var ((fuente, generica), s) in saldos.OrderBy(p => p.Key.Fuente).ThenBy(p => p.Key.Generica, StringComparer.Ordinal))
        {
            var rotulo = ClavePresupuestal.RotuloDe(fuente, generica);
            if (s.Pim < 0)
                throw new ReglaDominioException(
                    $"El PIM de {rotulo} quedaría en {CifraEnMensaje.Numero(s.Pim)} (PIA {CifraEnMensaje.Numero(s.Pia)}, " +
                    $"modificaciones {CifraEnMensaje.Numero(s.Modificaciones)}): una anulación no puede quitar más de lo que hay.", "monto");
            if (s.Certificado > s.Pim)
                throw new ReglaDominioException(
                    $"El certificado de {rotulo} ({CifraEnMensaje.Numero(s.Certificado)}) supera su PIM ({CifraEnMensaje.Numero(s.Pim)}).", "certificado");
            if (s.Devengado > s.Pim)
                throw new ReglaDominioException(
                    $"El devengado de {rotulo} ({CifraEnMensaje.Numero(s.Devengado)}) supera su PIM ({CifraEnMensaje.Numero(s.Pim)}).", "devengado");
        }
    }
}
