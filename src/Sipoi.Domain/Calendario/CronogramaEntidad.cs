using System.Globalization;
using Sipoi.Domain.Organizacion;
using Sipoi.Domain.Periodos;
using Sipoi.Domain.Seguimiento;

namespace Sipoi.Domain.Calendario;

/// <summary>A row of the calendar form as typed (dates as dd/mm/aaaa or aaaa-mm-dd, the type and reference as codes).</summary>
public sealed record EntradaHito(string? Nombre, string? Tipo, string? Referencia, string? Inicio, string? Fecha)
{
    /// <summary>A row with nothing typed: the form's spare rows, ignored.</summary>
    public bool Vacia => string.IsNullOrWhiteSpace(Nombre) && string.IsNullOrWhiteSpace(Referencia)
        && string.IsNullOrWhiteSpace(Inicio) && string.IsNullOrWhiteSpace(Fecha);
}

/// <summary>A refused row: its position in the form (0-based), the field (EntradaHito's property) and the Spanish message naming both.</summary>
public sealed record ProblemaHito(int Indice, string Campo, string Mensaje);

/// <summary>
/// The rules of an entity's calendar for a cycle year N (README.md in this folder): which rows are acceptable
/// together, and the usual calendar an office starts from.
/// </summary>
public static class CronogramaEntidad
{
    /// <summary>The first date a cycle N admits: its POI year begins.</summary>
    public static DateOnly Desde(int anio) => new(anio, 1, 1);

    /// <summary>The last date a cycle N admits: 31 March of N+1, so December's registration and the annual evaluation of N fit.</summary>
    public static DateOnly Hasta(int anio) => new(anio + 1, 3, 31);

    /// <summary>The periods a registration or evaluation milestone may refer to.</summary>
    public static IReadOnlyList<Periodo> PeriodosAdmitidos { get; } =
        [.. Periodo.Trimestres, Periodo.Semestre(1), Periodo.Semestre(2), Periodo.Anual];

    /// <summary>
    /// Checks every row and the rows together; returns the accepted values in the rows' order (null for a blank
    /// row) when nothing is wrong, and every problem otherwise. All or nothing: a caller saves only with no problem.
    /// </summary>
    public static (IReadOnlyList<DatosHito?> Datos, IReadOnlyList<ProblemaHito> Problemas) Validar(int anio, IReadOnlyList<EntradaHito> filas)
    {
        var problemas = new List<ProblemaHito>();
        var datos = new List<DatosHito?>();
        var nombres = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var referencias = new Dictionary<(TipoHito, string), int>();
        for (var i = 0; i < filas.Count; i++)
        {
            var f = filas[i];
            if (f.Vacia) { datos.Add(null); continue; }
            var fila = $"Fila {i + 1}" + (string.IsNullOrWhiteSpace(f.Nombre) ? "" : $" («{f.Nombre.Trim()}»)");
            var antes = problemas.Count;
            void Mal(string campo, string detalle) => problemas.Add(new(i, campo, $"{fila}: {detalle}"));

            var nombre = f.Nombre?.Trim();
            if (string.IsNullOrEmpty(nombre)) Mal(nameof(EntradaHito.Nombre), "el nombre del hito es obligatorio.");
            else if (LimitesTexto.Problema(nombre, ClaseTexto.Nombre) is { } p) Mal(nameof(EntradaHito.Nombre), $"el nombre {p}.");
            else if (nombre.Length > HitoCalendario.LargoMaximoNombre)
                Mal(nameof(EntradaHito.Nombre), $"el nombre admite hasta {HitoCalendario.LargoMaximoNombre} caracteres (tiene {nombre.Length}).");
            else if (nombres.TryGetValue(nombre, out var otra)) Mal(nameof(EntradaHito.Nombre), $"el nombre se repite en la fila {otra + 1}.");
            else nombres[nombre] = i;

            if (!TiposHito.TryParse(f.Tipo, out var tipo)) Mal(nameof(EntradaHito.Tipo), $"el tipo «{f.Tipo?.Trim()}» no existe.");
            var referencia = Referencia(tipo, f.Referencia, out var problemaReferencia);
            if (problemaReferencia is not null && TiposHito.TryParse(f.Tipo, out _)) Mal(nameof(EntradaHito.Referencia), problemaReferencia);
            else if (referencia is not null)
            {
                if (referencias.TryGetValue((tipo, referencia), out var previa))
                    Mal(nameof(EntradaHito.Referencia), $"ya hay un hito de {tipo.Nombre().ToLowerInvariant()} para {NombreReferencia(tipo, referencia)} en la fila {previa + 1}.");
                else referencias[(tipo, referencia)] = i;
            }

            var fecha = Fecha(anio, f.Fecha, "la fecha", obligatoria: true, Mal, nameof(EntradaHito.Fecha));
            var inicio = Fecha(anio, f.Inicio, "la fecha de inicio", obligatoria: false, Mal, nameof(EntradaHito.Inicio));
            if (inicio is { } a && fecha is { } b && a > b)
                Mal(nameof(EntradaHito.Inicio), $"la fecha de inicio ({HitoCalendario.Texto(a)}) es posterior a la fecha del hito ({HitoCalendario.Texto(b)}).");

            datos.Add(problemas.Count == antes ? new DatosHito(nombre!, tipo, referencia, inicio, fecha!.Value) : null);
        }
        return problemas.Count == 0 ? (datos, []) : ([], problemas);
    }

    /// <summary>The reference of a milestone, normalised (T1, ANUAL, propuesta), or null with a problem.</summary>
    private static string? Referencia(TipoHito tipo, string? texto, out string? problema)
    {
        problema = null;
        var t = texto?.Trim();
        switch (tipo)
        {
            case TipoHito.Registro or TipoHito.Evaluacion:
                if (string.IsNullOrEmpty(t)) { problema = "indique el periodo al que se refiere (T1–T4, S1, S2 o ANUAL)."; return null; }
                if (Periodo.TryParse(t, out var p) && PeriodosAdmitidos.Contains(p)) return p.Codigo;
                problema = $"el periodo «{t}» no es válido; use T1–T4, S1, S2 o ANUAL.";
                return null;
            case TipoHito.Formulacion:
                if (string.IsNullOrEmpty(t)) { problema = "indique la etapa de la formulación (" + string.Join(", ", TiposHito.Etapas.Select(e => e.Codigo())) + ")."; return null; }
                if (TiposHito.TryParseEtapa(t, out var e)) return e.Codigo();
                problema = $"la etapa «{t}» no existe; use " + string.Join(", ", TiposHito.Etapas.Select(x => x.Codigo())) + ".";
                return null;
            default:
                if (!string.IsNullOrEmpty(t)) problema = "un hito de tipo «otro» no se refiere a un periodo ni a una etapa; deje la referencia vacía.";
                return null;
        }
    }

    public static string NombreReferencia(TipoHito tipo, string referencia) => tipo switch
    {
        TipoHito.Formulacion when TiposHito.TryParseEtapa(referencia, out var e) => "la etapa «" + e.Nombre() + "»",
        _ when Periodo.TryParse(referencia, out var p) => "el periodo " + p.Nombre,
        _ => referencia,
    };

    private static DateOnly? Fecha(int anio, string? texto, string que, bool obligatoria, Action<string, string> problema, string campo)
    {
        var t = texto?.Trim();
        if (string.IsNullOrEmpty(t))
        {
            if (obligatoria) problema(campo, $"{que} es obligatoria.");
            return null;
        }
        if (!DateOnly.TryParseExact(t, ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            problema(campo, $"{que} «{t}» no es una fecha válida (use dd/mm/aaaa).");
            return null;
        }
        if (d < Desde(anio) || d > Hasta(anio))
        {
            problema(campo, $"{que} {HitoCalendario.Texto(d)} está fuera del calendario {anio} (del {HitoCalendario.Texto(Desde(anio))} al {HitoCalendario.Texto(Hasta(anio))}).");
            return null;
        }
        return d;
    }

    /// <summary>
    /// The usual calendar of cycle N (README.md): registration of each quarter until its closing date
    /// (<see cref="Plazos.Cierre(MesDelAnio, ConfiguracionEntidad)"/> of the quarter's last month), the four
    /// evaluations the directive lists (I Trimestre, I Semestre, III Trimestre, Anual) at the end of the month after
    /// the period, and the formulation of POI N+1.
    /// </summary>
    public static IReadOnlyList<DatosHito> Habitual(int anio, ConfiguracionEntidad configuracion)
    {
        var hitos = new List<DatosHito>();
        foreach (var t in Periodo.Trimestres)
        {
            var cierre = Plazos.Cierre(new MesDelAnio(anio, t.Hasta), configuracion);
            hitos.Add(new($"Registro de avances {t.Nombre}", TipoHito.Registro, t.Codigo, new DateOnly(anio, t.Desde, 1), cierre));
        }
        foreach (var p in new[] { Periodo.Trimestre(1), Periodo.Semestre(1), Periodo.Trimestre(3), Periodo.Anual })
        {
            var fin = new DateOnly(anio, p.Hasta, 1).AddMonths(2).AddDays(-1);
            hitos.Add(new(p == Periodo.Anual ? "Evaluación anual" : $"Evaluación {p.Nombre}", TipoHito.Evaluacion, p.Codigo, null, fin));
        }
        var siguiente = anio + 1;
        hitos.Add(new($"Formulación POI {siguiente}: cuadro de necesidades de los centros", TipoHito.Formulacion,
            EtapaFormulacion.CuadroNecesidades.Codigo(), new DateOnly(anio, 3, 1), new DateOnly(anio, 3, 31)));
        hitos.Add(new($"Formulación POI {siguiente}: propuesta de los centros", TipoHito.Formulacion,
            EtapaFormulacion.PropuestaCentros.Codigo(), new DateOnly(anio, 4, 1), new DateOnly(anio, 4, 30)));
        hitos.Add(new($"Formulación POI {siguiente}: consistencia con el presupuesto", TipoHito.Formulacion,
            EtapaFormulacion.Presupuesto.Codigo(), null, new DateOnly(anio, 8, 31)));
        hitos.Add(new($"Aprobación del POI {siguiente}", TipoHito.Formulacion, EtapaFormulacion.AprobacionPoi.Codigo(), null, new DateOnly(anio, 12, 31)));
        return hitos;
    }

    /// <summary>
    /// What "generate the usual calendar" adds to a year that already has milestones: the usual ones whose
    /// reference (or, for "otro", name) is not there yet. What the office wrote is never replaced.
    /// </summary>
    public static IReadOnlyList<DatosHito> Faltantes(IReadOnlyList<DatosHito> habitual, IReadOnlyList<DatosHito> existentes) =>
        habitual.Where(h => !existentes.Any(e => e.Tipo == h.Tipo && e.Referencia == h.Referencia && h.Referencia is not null
                || string.Equals(e.Nombre, h.Nombre, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>
    /// The deadline of the drafts of POI <paramref name="anioPoi"/>: the "propuesta de los centros" milestone of the
    /// previous cycle's calendar (formulation of POI N+1 happens in cycle N); null when the office set none.
    /// </summary>
    public static HitoCalendario? PlazoPropuestas(int anioPoi, IEnumerable<HitoCalendario> hitos) =>
        hitos.FirstOrDefault(h => h.Anio == anioPoi - 1 && h.Etapa == EtapaFormulacion.PropuestaCentros);
}
