using System.Globalization;
using Sipoi.Domain.Periodos;

namespace Sipoi.Domain.Seguimiento;

/// <summary>A cost centre with activities in the POI version in force: every month of a period is expected from it.</summary>
public sealed record CentroEsperado(string Codigo, string Nombre);

/// <summary>The monitoring state of one cost centre's month, as stored (a month with no row has none).</summary>
public sealed record EstadoMesCentro(string CentroCodigo, int Mes, EstadoSeguimiento Estado);

/// <summary>A centre-month of the period whose values the figures do not count yet, and why (its state).</summary>
public sealed record MesCentroFaltante(string CentroCodigo, string CentroNombre, int Mes, EstadoSeguimiento Estado)
{
    /// <summary>"pendiente", "enviado", "observado" (the JSON's and the CLI's code).</summary>
    public string EstadoCodigo => Estado.Nombre().ToLowerInvariant();
}

/// <summary>
/// Is a period's figure complete? Every month of the period of every cost centre with activities in the POI
/// version in force must be in a state that counts (<see cref="MesesQueCuentan"/>: approved, or also submitted
/// when the entity shows submitted months); a month without a monitoring row is Pendiente. A figure that
/// reads fewer centre-months says so with <see cref="Frase"/> wherever it is shown (issue 13, item 3).
/// </summary>
public sealed class Completitud
{
    private static readonly CultureInfo Peru = CultureInfo.GetCultureInfo("es-PE");

    public Periodo Periodo { get; }
    /// <summary>Whether submitted months count too (the entity's setting; publication always uses false).</summary>
    public bool MostrarEnviados { get; }
    /// <summary>Centre-months the period expects: centres × months of the period.</summary>
    public int MesesCentro { get; }
    /// <summary>Missing centre-months, by month then centre code.</summary>
    public IReadOnlyList<MesCentroFaltante> Faltantes { get; }

    private Completitud(Periodo periodo, bool mostrarEnviados, int mesesCentro, IReadOnlyList<MesCentroFaltante> faltantes)
    {
        Periodo = periodo;
        MostrarEnviados = mostrarEnviados;
        MesesCentro = mesesCentro;
        Faltantes = faltantes;
    }

    public bool Completa => Faltantes.Count == 0;
    public int MesesCentroFaltantes => Faltantes.Count;
    public int MesesCentroContados => MesesCentro - Faltantes.Count;

    /// <summary>The missing centre-months grouped by month: (month, how many centres), in month order.</summary>
    public IReadOnlyList<(int Mes, int Centros)> PorMes =>
        Faltantes.GroupBy(f => f.Mes).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();

    /// <summary>
    /// The rule. <paramref name="centros"/>: every cost centre with activities in the version in force;
    /// <paramref name="estados"/>: the stored monitoring rows (those of other centres or months are ignored).
    /// </summary>
    public static Completitud Calcular(Periodo periodo, IEnumerable<CentroEsperado> centros, IEnumerable<EstadoMesCentro> estados,
        bool mostrarEnviados)
    {
        var porCentroMes = new Dictionary<(string, int), EstadoSeguimiento>();
        foreach (var e in estados) porCentroMes[(e.CentroCodigo, e.Mes)] = e.Estado;
        var lista = centros.DistinctBy(c => c.Codigo).OrderBy(c => c.Codigo, StringComparer.Ordinal).ToList();
        var faltantes = new List<MesCentroFaltante>();
        for (var mes = periodo.Desde; mes <= periodo.Hasta; mes++)
            foreach (var c in lista)
            {
                var estado = porCentroMes.GetValueOrDefault((c.Codigo, mes), EstadoSeguimiento.Pendiente);
                if (!MesesQueCuentan.Cuenta(estado, mostrarEnviados)) faltantes.Add(new MesCentroFaltante(c.Codigo, c.Nombre, mes, estado));
            }
        return new Completitud(periodo, mostrarEnviados, lista.Count * (periodo.Hasta - periodo.Desde + 1), faltantes);
    }

    /// <summary>What is still awaited: "por aprobar", or "por enviar" when submitted months already count.</summary>
    public string QueFalta => MostrarEnviados ? "por enviar" : "por aprobar";

    /// <summary>
    /// One Spanish sentence: "Faltan 25 de 552 meses-centro por aprobar: noviembre (13 centros), diciembre (12 centros)."
    /// or, when complete, "Los 552 meses-centro del periodo están aprobados."
    /// </summary>
    public string Frase
    {
        get
        {
            if (MesesCentro == 0) return "El periodo no tiene centros de costo con actividades que evaluar.";
            if (Completa)
                return MesesCentro == 1
                    ? $"El único mes-centro del periodo está {(MostrarEnviados ? "aprobado o enviado" : "aprobado")}."
                    : $"Los {Numero(MesesCentro)} meses-centro del periodo están {(MostrarEnviados ? "aprobados o enviados" : "aprobados")}.";
            var meses = string.Join(", ", PorMes.Select(m =>
                $"{Meses.Nombre(m.Mes).ToLower(Peru)} ({m.Centros} {(m.Centros == 1 ? "centro" : "centros")})"));
            var verbo = MesesCentroFaltantes == 1 ? "Falta" : "Faltan";
            var unidad = MesesCentro == 1 ? "mes-centro" : "meses-centro";
            return $"{verbo} {Numero(MesesCentroFaltantes)} de {Numero(MesesCentro)} {unidad} {QueFalta}: {meses}.";
        }
    }

    private static string Numero(int n) => n.ToString("#,0", CultureInfo.InvariantCulture);
}
