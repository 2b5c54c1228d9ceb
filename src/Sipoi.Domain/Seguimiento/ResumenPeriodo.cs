using Sipoi.Domain.Periodos;

namespace Sipoi.Domain.Seguimiento;

/// <summary>
/// A cost centre's short summary of a quarter — the Huamanga directive's "factores que contribuyeron o dificultaron
/// el cumplimiento" — written when it submits the quarter's last month (March, June, September, December). June and
/// December also close a semester (and December the year): the same summary serves them, so it is stored once per
/// centre, POI year and quarter (<see cref="PeriodoCodigo"/> T1…T4). See README.md, "Resumen del periodo".
/// </summary>
public sealed class ResumenPeriodo
{
    public const string Campo = "ResumenPeriodo";

    public int Id { get; private set; }
    public int EntidadId { get; private set; }
    public int PoiId { get; private set; }
    public int Anio { get; private set; }
    public int CentroCostoId { get; private set; }
    /// <summary>T1…T4: the quarter whose last month carries the summary.</summary>
    public string PeriodoCodigo { get; private set; } = null!;
    public string Texto { get; private set; } = null!;
    public string RegistradoPor { get; private set; } = null!;
    public DateTimeOffset RegistradoEn { get; private set; }

    private ResumenPeriodo() { }

    public ResumenPeriodo(int entidadId, int poiId, int anio, int centroCostoId, int mes, string? texto, string usuario, DateTimeOffset ahora)
    {
        var m = new MesDelAnio(anio, mes);
        if (PeriodoQueCierra(mes) is not { } periodo)
            throw new ReglaDominioException($"{Meses.Nombre(mes)} no cierra un trimestre: el resumen del periodo se escribe en marzo, junio, setiembre o diciembre.");
        EntidadId = entidadId;
        PoiId = poiId;
        Anio = m.Anio;
        CentroCostoId = centroCostoId;
        PeriodoCodigo = periodo.Codigo;
        Escribir(texto, usuario, ahora);
    }

    public Periodo Periodo => Periodo.Parse(PeriodoCodigo);

    /// <summary>The month whose submission carries the summary (3, 6, 9 or 12).</summary>
    public int Mes => Periodo.Hasta;

    /// <summary>Replaces the text (required, one paragraph of up to 4,000 characters).</summary>
    public void Escribir(string? texto, string usuario, DateTimeOffset ahora)
    {
        if (Problema(new MesDelAnio(Anio, Mes), texto) is { } p) throw new ReglaDominioException(p.Mensaje, Campo);
        Texto = texto!.Trim();
        RegistradoPor = string.IsNullOrWhiteSpace(usuario)
            ? throw new ReglaDominioException("La operación debe registrar el usuario que la hace.")
            : usuario.Trim();
        RegistradoEn = ahora;
    }

    /// <summary>The quarter a month closes (T1 for March …), or null for any other month.</summary>
    public static Periodo? PeriodoQueCierra(int mes) => mes is 3 or 6 or 9 or 12 ? Periodo.Trimestre(mes / 3) : null;

    /// <summary>"el I Trimestre" or, for June and December, "el II Trimestre y el I Semestre": what the form's label names.</summary>
    public static string? QueResume(int mes) => mes switch
    {
        6 => "el II Trimestre y el I Semestre",
        12 => "el IV Trimestre, el II Semestre y el año",
        _ => PeriodoQueCierra(mes) is { } p ? "el " + p.Nombre : null,
    };

    /// <summary>
    /// What stops a submission of <paramref name="mes"/> about its summary: none for a month that closes no quarter;
    /// otherwise the summary is required and must be a valid paragraph. Its <see cref="ProblemaSeguimiento.CodigoActividad"/>
    /// is empty: the problem is the month's, not an activity's.
    /// </summary>
    public static ProblemaSeguimiento? Problema(MesDelAnio mes, string? texto)
    {
        if (PeriodoQueCierra(mes.Mes) is null) return null;
        if (string.IsNullOrWhiteSpace(texto))
            return new ProblemaSeguimiento("", Campo,
                $"{Primera(mes.Nombre)} cierra {QueResume(mes.Mes)}: falta el resumen del periodo (factores que contribuyeron o dificultaron el cumplimiento).");
        if (LimitesTexto.Problema(texto, ClaseTexto.TextoLargo) is { } p)
            return new ProblemaSeguimiento("", Campo, $"{Primera(mes.Nombre)}: el resumen del periodo {p}.");
        return null;
    }

    private static string Primera(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
