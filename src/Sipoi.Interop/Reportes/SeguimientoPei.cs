using Sipoi.Domain.Estrategia;
using Sipoi.Domain.Evaluacion;

namespace Sipoi.Interop.Reportes;

/// <summary>
/// The PEI follow-up annex in the layout the Aplicativo CEPLAN V.01 prints ("Anexo B-7 — Seguimiento del Plan
/// Estratégico Institucional (PEI)", docs/formatos-ceplan.md): one block per OEI and per AEI, each indicator with its
/// baseline, expected and obtained values and avance for every year of the PEI. Header lines left null are not printed.
/// </summary>
/// <param name="Entidad">Printed in the page footer.</param>
/// <param name="Pliego">The "Pliego :" line: the entity (SIPOI's entity is the pliego).</param>
public sealed record SeguimientoPei(string Entidad, string Pliego, int PeiInicio, int PeiFin, IReadOnlyList<BloqueSeguimientoPei> Bloques)
{
    /// <summary>"Nivel de Gobierno :" ("E - GOBIERNO NACIONAL"); SIPOI does not record it, so the builder leaves it null.</summary>
    public string? NivelGobierno { get; init; }
    /// <summary>"Sector :" ("05 - AMBIENTAL"); SIPOI does not record it either.</summary>
    public string? Sector { get; init; }

    /// <summary>"2020 - 2025", as the annex prints the PEI period.</summary>
    public string PeriodoPei => $"{PeiInicio} - {PeiFin}";

    /// <summary>The PEI's years: one column each under LOGRO ESPERADO, VALOR OBTENIDO and AVANCE (%).</summary>
    public IReadOnlyList<int> Anios => Enumerable.Range(PeiInicio, PeiFin - PeiInicio + 1).ToList();

    /// <summary>
    /// The annex of a PEI as the engine reads it (<paramref name="pei"/>: only validated obtained values count): OEIs in
    /// code order, each followed by its AEIs; every year's expected and obtained value and the avance truncated at 100
    /// come from the engine (<see cref="EvaluacionEstrategica"/>)
    /// with the annual measurement. <paramref name="denominaciones"/>: statements of OEIs and AEIs by code;
    /// <paramref name="indicadores"/>: what the annex prints of each indicator beside its values, by code.
    /// </summary>
    public static SeguimientoPei Desde(string entidad, string pliego, int inicio, int fin, EstructuraPei pei,
        IReadOnlyDictionary<string, string> denominaciones, IReadOnlyDictionary<string, FichaIndicadorPei> indicadores)
    {
        if (fin < inicio) throw new ArgumentException($"El PEI termina ({fin}) antes de empezar ({inicio}).", nameof(fin));
        var anios = Enumerable.Range(inicio, fin - inicio + 1).ToList();
        IReadOnlyList<IndicadorSeguimientoPei> Filas(IEnumerable<IndicadorPei> lista, string oei, string? aei) =>
            lista.OrderBy(i => i.Codigo, StringComparer.Ordinal).Select(i => IndicadorSeguimientoPei.Desde(i, oei, aei, anios,
                indicadores.TryGetValue(i.Codigo, out var f) ? f : new FichaIndicadorPei(i.Codigo))).ToList();

        var bloques = new List<BloqueSeguimientoPei>();
        foreach (var o in pei.Oeis.OrderBy(o => o.Codigo, StringComparer.Ordinal))
        {
            bloques.Add(new BloqueSeguimientoPei(o.Codigo, null, denominaciones.GetValueOrDefault(o.Codigo, ""), o.Prioridad,
                Filas(o.Indicadores, o.Codigo, null)));
            foreach (var a in o.Aeis.OrderBy(a => a.Codigo, StringComparer.Ordinal))
                bloques.Add(new BloqueSeguimientoPei(o.Codigo, a.Codigo, denominaciones.GetValueOrDefault(a.Codigo, ""), a.Prioridad,
                    Filas(a.Indicadores, o.Codigo, a.Codigo)));
        }
        return new SeguimientoPei(entidad, pliego, inicio, fin, bloques);
    }
}

/// <summary>
/// One block of the annex: an OEI (<paramref name="AeiCodigo"/> null) or one of its AEIs, with its own indicators.
/// Its heading reads "OEI.01 INCREMENTAR … (Prioridad:1)" or "OEI.01 AEI.01.01 INVESTIGACIONES … (Prioridad:1)".
/// </summary>
public sealed record BloqueSeguimientoPei(string OeiCodigo, string? AeiCodigo, string Enunciado, int Prioridad,
    IReadOnlyList<IndicadorSeguimientoPei> Indicadores)
{
    public string Titulo => AeiCodigo is null
        ? $"{OeiCodigo} {Enunciado} (Prioridad:{Prioridad})"
        : $"{OeiCodigo} {AeiCodigo} {Enunciado} (Prioridad:{Prioridad})";
}

/// <summary>
/// What the annex prints of an indicator beside its yearly values: name, "parámetro de medición" (SIPOI's unit of
/// measure), baseline, the executing unit and the organic unit responsible (cost centre), as "code-name".
/// "Valor actual" is not recorded in SIPOI: it stays null and the cells empty.
/// </summary>
public sealed record FichaIndicadorPei(string Nombre, string? ParametroMedicion = null, int? LineaBaseAnio = null,
    decimal? LineaBaseValor = null, string? UnidadEjecutora = null, string? UnidadOrganica = null)
{
    public int? ValorActualAnio { get; init; }
    public decimal? ValorActual { get; init; }
}

/// <summary>An indicator's row: its <see cref="FichaIndicadorPei"/> and one <see cref="ValorAnualPei"/> per PEI year.</summary>
public sealed record IndicadorSeguimientoPei(string Codigo, FichaIndicadorPei Ficha, IReadOnlyList<ValorAnualPei> Valores)
{
    public static IndicadorSeguimientoPei Desde(IndicadorPei indicador, string oei, string? aei, IReadOnlyList<int> anios, FichaIndicadorPei ficha) =>
        new(indicador.Codigo, ficha, anios.Select(anio =>
        {
            // The band is not printed in this annex; the national scheme only satisfies the engine's signature.
            var r = EvaluacionEstrategica.Evaluar(indicador, oei, aei, anio, PeriodoIndicador.Anual, EsquemaBandas.Nacional);
            return new ValorAnualPei(anio, r.LogroEsperado, r.ValorObtenido, r.AvanceAjustado)
            {
                // The annex's "(*)": obtained value registered but no avance because the expected value is zero.
                SinAvancePorLogroCero = r.Avance is null && r.ValorObtenido is not null && r.LogroEsperado == 0,
            };
        }).ToList());
}

/// <summary>
/// A year of an indicator: expected value, obtained value (validated), and the avance truncated at 100 as the annex
/// prints it (109.38 % → 100). Null is ND.
/// </summary>
public sealed record ValorAnualPei(int Anio, decimal? LogroEsperado, decimal? ValorObtenido, decimal? Avance)
{
    public bool SinAvancePorLogroCero { get; init; }
}
