using System.Globalization;
using Sipoi.Domain.Evaluacion;
using Sipoi.Interop.Evaluacion;

namespace Sipoi.Interop.Reportes;

/// <summary>
/// Drafts the report's sentences from its figures: a starting point the planning office edits,
/// never a judgement the product makes for it. Numbers as the offices write them (<c>94.27 %</c>).
/// Public so a page can show the drafts for editing before the file is written.
/// </summary>
public static class RedaccionInforme
{
    private static readonly CultureInfo Es = CultureInfo.GetCultureInfo("es-PE");

    public static IReadOnlyList<string> ResumenEjecutivo(InformeEvaluacion i)
    {
        var p = new List<string>
        {
            $"El presente informe presenta la evaluación de resultados del Plan Operativo Institucional (POI) {Anio(i)} de {i.Entidad}, " +
            $"correspondiente {Alcance(i)}, y mide el avance de las actividades operativas vinculadas a los objetivos estratégicos " +
            "institucionales (OEI) y a las acciones estratégicas institucionales (AEI) del Plan Estratégico Institucional (PEI).",
        };

        p.Add(i.Igi is { } igi && i.BandaIgi is { } b
            ? $"El Índice de Gestión Institucional (IGI) alcanzó {i.Porcentaje(igi)}, que corresponde a un nivel de desempeño {Nivel(i.Bandas, b)}."
            : "No fue posible calcular el Índice de Gestión Institucional (IGI), porque ninguna actividad operativa tuvo meta en el periodo.");

        var a = i.Actividades;
        if (a.Total > 0)
        {
            var texto = $"De {Contar(a.Total, "actividad operativa o inversión", "actividades operativas e inversiones")} del POI, " +
                        $"{Contar(a.ConMeta, "tuvo", "tuvieron", soloVerbo: true)} meta física en el periodo; " +
                        $"{a.Cumplidas.ToString(Es)} de ellas {(a.Cumplidas == 1 ? "alcanzó o superó" : "alcanzaron o superaron")} su meta (ejecución ≥ 100 %)";
            if (a.SinRegistro > 0)
                texto += $" y {a.SinRegistro.ToString(Es)} no {(a.SinRegistro == 1 ? "registró" : "registraron")} avance";
            p.Add(texto + ".");
        }

        var conValor = i.Oeis.Where(o => o.Ejecucion is not null).ToList();
        if (i.Oeis.Count > 0)
        {
            var partes = i.Oeis.Select(o => o.Ejecucion is { } v
                ? $"el {o.Codigo} obtuvo {i.Porcentaje(v)} ({Etiqueta(i.Bandas, o.BandaEjecucion)})"
                : $"el {o.Codigo} no tuvo actividades con meta");
            var texto = $"Por objetivo, {Lista(partes)}.";
            if (conValor.Count >= 2)
            {
                var max = conValor.MaxBy(o => o.Ejecucion)!;
                var min = conValor.MinBy(o => o.Ejecucion)!;
                if (max.Ejecucion != min.Ejecucion)
                    texto += $" La mayor ejecución corresponde al {max.Codigo} ({i.Porcentaje(max.Ejecucion)}) y la menor al {min.Codigo} ({i.Porcentaje(min.Ejecucion)}).";
            }
            p.Add(texto);
        }

        var indicadores = i.Oeis.SelectMany(o => o.Indicadores).ToList();
        if (indicadores.Count > 0)
        {
            var conDato = indicadores.Count(x => x.Banda is not null);
            p.Add($"En la vista estratégica, {conDato.ToString(Es)} de los {indicadores.Count.ToString(Es)} indicadores de los OEI cuentan con valor obtenido: " +
                  $"{Lista(Enum.GetValues<Banda>().Reverse().Select(b => $"{indicadores.Count(x => x.Banda == b).ToString(Es)} con desempeño {i.Bandas.Etiqueta(b)}"))}.");
        }

        // Each AEI is named once, in the tables that follow; the paragraph only counts (issue 14: no triple listing).
        var aeis = i.Oeis.SelectMany(o => o.Aeis).ToList();
        var criticas = Criticas(i);
        var sinInformacion = SinInformacion(i);
        if (aeis.Count > 0)
            p.Add($"De {Contar(aeis.Count, "acción estratégica institucional (AEI)", "acciones estratégicas institucionales (AEI)")}, " +
                  (criticas.Count == 0
                      ? "ninguna tiene desempeño crítico"
                      : $"{Contar(criticas.Count, "tiene", "tienen", soloVerbo: true)} desempeño crítico ({i.Bandas.Etiqueta(Banda.Bajo)}, {Rango(i, Banda.Bajo)} de logro)") +
                  (sinInformacion.Count == 0 ? "" : $" y {Contar(sinInformacion.Count, "no cuenta", "no cuentan", soloVerbo: true)} con valores obtenidos validados (sin información)") +
                  "; el detalle figura en el cuadro de las AEI y en la sección de implementación de las AEI.");
        return p;
    }

    /// <summary>
    /// The paragraph under each OEI's indicator table. It names the OEI and its own figures (achievement and band,
    /// weighted execution, activities met, best and worst AEI), so two OEIs never get the same paragraph.
    /// </summary>
    public static string AnalisisOei(InformeEvaluacion i, OeiInforme o)
    {
        var texto = $"El {o.Codigo} «{o.Enunciado}» (prioridad {o.Prioridad.ToString(Es)}) ";
        texto += o.Indicadores.Count == 0
            ? "no tiene indicadores propios registrados para el periodo."
            : o.Logro is { } l && o.BandaLogro is { } b
                ? $"alcanzó un logro de {i.Porcentaje(l)} en {Contar(o.Indicadores.Count, "indicador", "indicadores")}, con desempeño {Nivel(i.Bandas, b)}."
                : $"no dispone de valores obtenidos de sus {Contar(o.Indicadores.Count, "indicador", "indicadores")} para medir su logro (ND).";
        texto += o.Ejecucion is { } e
            ? $" Sus actividades operativas registraron una ejecución ponderada de {i.Porcentaje(e)} ({Etiqueta(i.Bandas, o.BandaEjecucion)}): " +
              $"{o.ActividadesCumplidas.ToString(Es)} de {Contar(o.ActividadesConMeta, "actividad con meta", "actividades con meta")} " +
              $"{(o.ActividadesCumplidas == 1 ? "alcanzó" : "alcanzaron")} o {(o.ActividadesCumplidas == 1 ? "superó" : "superaron")} el 100 %."
            : " Sus AEI no tuvieron actividades operativas con meta en el periodo.";

        // Best and worst AEI: by strategic achievement when two or more have it, else by operational execution.
        var porLogro = o.Aeis.Where(a => a.Logro is not null).ToList();
        var (conValor, valor, medida) = porLogro.Count >= 2
            ? (porLogro, (Func<AeiInforme, decimal?>)(a => a.Logro), "logro")
            : (o.Aeis.Where(a => a.Ejecucion is not null).ToList(), (Func<AeiInforme, decimal?>)(a => a.Ejecucion), "ejecución");
        if (conValor.Count >= 2)
        {
            var max = conValor.MaxBy(valor)!;
            var min = conValor.MinBy(valor)!;
            texto += valor(max) == valor(min)
                ? $" Sus {conValor.Count.ToString(Es)} AEI con dato tienen el mismo {medida} ({i.Porcentaje(valor(max))})."
                : $" La AEI de mayor {medida} es la {max.Codigo} «{max.Enunciado}» ({i.Porcentaje(valor(max))}) y la de menor, la {min.Codigo} «{min.Enunciado}» ({i.Porcentaje(valor(min))}).";
        }
        else if (conValor.Count == 1)
            texto += $" Su única AEI con dato es la {conValor[0].Codigo} «{conValor[0].Enunciado}» ({medida} {i.Porcentaje(valor(conValor[0]))}).";

        foreach (var ind in o.Indicadores)
        {
            texto += ind.Avance is { } av && ind.ValorObtenido is { } vo && ind.LogroEsperado is { } le
                ? $" El indicador «{ind.Nombre}» registró {Cantidad(vo)}{Unidad(ind)} frente a un logro esperado de {Cantidad(le)}{Unidad(ind)} ({i.Porcentaje(av)})."
                : $" El indicador «{ind.Nombre}» no cuenta con dato (ND).";
        }
        return texto;
    }

    /// <summary>The operational analysis of an OEI: its weighted execution and that of its AEIs.</summary>
    public static string AnalisisOperativo(InformeEvaluacion i, OeiInforme o)
    {
        if (o.Ejecucion is not { } e)
            return $"Las AEI del {o.Codigo} no tuvieron actividades operativas con meta en el periodo.";
        var texto = $"Las actividades operativas vinculadas al {o.Codigo} registraron una ejecución ponderada de {i.Porcentaje(e)} " +
                    $"({Etiqueta(i.Bandas, o.BandaEjecucion)}); {o.ActividadesCumplidas.ToString(Es)} de {Contar(o.ActividadesConMeta, "actividad con meta", "actividades con meta")} " +
                    "alcanzaron o superaron su meta.";
        var conValor = o.Aeis.Where(a => a.Ejecucion is not null).ToList();
        if (conValor.Count > 0)
            texto += $" Por AEI: {Lista(conValor.Select(a => $"{a.Codigo} ({i.Porcentaje(a.Ejecucion)})"))}.";
        if (conValor.Count >= 2)
        {
            var min = conValor.MinBy(a => a.Ejecucion)!;
            if (min.Ejecucion != conValor.Max(a => a.Ejecucion))
                texto += $" La AEI con menor ejecución es la {min.Codigo} ({i.Porcentaje(min.Ejecucion)}).";
        }
        var sinMeta = o.Aeis.Where(a => a.Ejecucion is null).Select(a => a.Codigo).ToList();
        if (sinMeta.Count > 0)
            texto += $" Sin actividades con meta: {Lista(sinMeta)}.";
        return texto;
    }

    public static IReadOnlyList<string> Conclusiones(InformeEvaluacion i)
    {
        var c = new List<string>();
        var b = i.Bandas;
        if (i.Igi is { } igi && i.BandaIgi is { } bi)
            c.Add($"La gestión institucional del periodo alcanzó un IGI de {i.Porcentaje(igi)}, con desempeño {Nivel(b, bi)}" + bi switch
            {
                Banda.Alto => ", lo que evidencia un cumplimiento adecuado de lo programado.",
                Banda.Medio => $", por debajo del nivel alto esperado ({i.Porcentaje(b.AltoDesde)} o más).",
                _ => ", lo que evidencia un cumplimiento insuficiente de lo programado.",
            });
        else
            c.Add("No se pudo medir la gestión institucional del periodo (IGI), porque ninguna actividad operativa tuvo meta.");

        foreach (var banda in new[] { Banda.Alto, Banda.Medio, Banda.Bajo })
        {
            var oeis = i.Oeis.Where(o => o.BandaEjecucion == banda).Select(o => o.Codigo).ToList();
            if (oeis.Count == 0) continue;
            var verbo = oeis.Count == 1 ? "registró" : "registraron";
            c.Add($"{Primera(Lista(oeis.Select(x => "el " + x)))} {verbo} desempeño {b.Etiqueta(banda)} en la ejecución de sus actividades operativas ({Rango(i, banda)}).");
        }

        var criticas = Criticas(i);
        if (criticas.Count > 0)
            c.Add($"{Primera(Contar(criticas.Count, "AEI tiene", "AEI tienen"))} desempeño crítico en el logro de sus indicadores " +
                  $"(cuadro del alcance de la evaluación); {(criticas.Count == 1 ? "requiere" : "requieren")} medidas correctivas para no comprometer el logro de sus OEI.");

        if (i.Actividades.SinRegistro > 0)
            c.Add($"{Primera(Contar(i.Actividades.SinRegistro, "actividad con meta no registró", "actividades con meta no registraron"))} avance en el periodo " +
                  "y se computaron con ejecución de 0.00 %, lo que reduce los índices de sus AEI, de sus OEI y el IGI.");

        var nd = i.Oeis.SelectMany(o => o.Indicadores).Count(x => x.Banda is null);
        if (nd > 0)
            c.Add($"{Primera(Contar(nd, "indicador de OEI no cuenta", "indicadores de OEI no cuentan"))} con valor obtenido (ND), lo que impide medir su logro.");

        var pendientes = i.RecomendacionesAnteriores.Count(r => !r.Atendida);
        if (i.RecomendacionesAnteriores.Count > 0)
            c.Add($"De {Contar(i.RecomendacionesAnteriores.Count, "recomendación", "recomendaciones")} de evaluaciones anteriores, " +
                  $"{pendientes.ToString(Es)} {(pendientes == 1 ? "se encuentra pendiente" : "se encuentran pendientes")} de atención.");
        return c;
    }

    public static IReadOnlyList<string> Recomendaciones(InformeEvaluacion i)
    {
        var r = new List<string>();
        var criticas = Criticas(i);
        if (criticas.Count > 0)
            r.Add($"A las unidades responsables de {(criticas.Count == 1 ? "la AEI" : "las AEI")} con desempeño crítico ({Lista(criticas.Select(a => a.Codigo))}): " +
                  "analizar las causas de su bajo desempeño y proponer medidas correctivas con plazos, en coordinación con la oficina de planeamiento.");
        foreach (var o in i.Oeis.Where(o => o.BandaEjecucion == Banda.Bajo))
            r.Add($"Revisar la programación de las actividades operativas del {o.Codigo} y, de corresponder, reprogramar sus metas mediante una modificación del POI.");
        if (i.Actividades.SinRegistro > 0)
            r.Add("A los centros de costo: registrar el avance mensual de sus actividades dentro del plazo establecido, adjuntando la evidencia correspondiente.");
        if (i.Oeis.SelectMany(o => o.Indicadores).Any(x => x.Banda is null))
            r.Add("A los responsables de los indicadores sin dato: registrar el valor obtenido y su fuente de verificación.");
        if (i.RecomendacionesAnteriores.Any(x => !x.Atendida))
            r.Add("Culminar la implementación de las recomendaciones pendientes de evaluaciones anteriores, según la matriz de seguimiento.");
        r.Add("Publicar el presente informe en el Portal de Transparencia Estándar de la entidad.");
        return r;
    }

    internal static IReadOnlyList<AeiInforme> Criticas(InformeEvaluacion i) => i.Oeis.SelectMany(o => o.Aeis).Where(a => a.Critica).ToList();

    internal static IReadOnlyList<AeiInforme> SinInformacion(InformeEvaluacion i) => i.Oeis.SelectMany(o => o.Aeis).Where(a => a.SinInformacion).ToList();

    /// <summary>"Alto («Lo lograste»)" when the entity has a legend, otherwise "Alto".</summary>
    internal static string Nivel(EsquemaBandas b, Banda banda) =>
        b.Leyenda(banda) is { Length: > 0 } l ? $"{b.Etiqueta(banda)} («{l}»)" : b.Etiqueta(banda);

    internal static string Etiqueta(EsquemaBandas b, Banda? banda) => banda is { } x ? b.Etiqueta(x) : "sin valor";

    /// <summary>The band's range as the report prints its percentages (whole numbers when the entity asks for them).</summary>
    internal static string Rango(InformeEvaluacion i, Banda banda) => Rango(i.Bandas, banda, v => i.Porcentaje(v));

    /// <summary>The band's range with exact percentages (the POI document's methodology table, which has no report options).</summary>
    internal static string Rango(EsquemaBandas b, Banda banda) => Rango(b, banda, v => FormatoNumero.Porcentaje(v));

    private static string Rango(EsquemaBandas b, Banda banda, Func<decimal?, string> p) => banda switch
    {
        Banda.Alto => $"{p(b.AltoDesde)} o más",
        Banda.Medio => $"de {p(b.MedioDesde)} a menos de {p(b.AltoDesde)}",
        _ => $"menos de {p(b.MedioDesde)}",
    };

    /// <summary>"al I Semestre de 2024" / "al año 2024".</summary>
    private static string Alcance(InformeEvaluacion i) =>
        string.Equals(i.Periodo, "Anual", StringComparison.OrdinalIgnoreCase) ? $"al año {Anio(i)}" : $"al {i.Periodo} de {Anio(i)}";

    private static string Anio(InformeEvaluacion i) => i.Anio.ToString(CultureInfo.InvariantCulture);

    /// <summary>Whole values without decimals (387 km), others with two (94.27).</summary>
    private static string Cantidad(decimal v) => v == decimal.Truncate(v) ? FormatoNumero.Numero(v, 0) : FormatoNumero.Numero(v);

    private static string Unidad(IndicadorInforme ind) => ind.UnidadMedida is { Length: > 0 } u && u != "%" ? " " + u : ind.UnidadMedida == "%" ? " %" : "";

    private static string Contar(int n, string singular, string plural, bool soloVerbo = false) =>
        soloVerbo ? $"{n.ToString(Es)} {(n == 1 ? singular : plural)}" : n == 1 ? $"1 {singular}" : $"{n.ToString(Es)} {plural}";

    private static string Primera(string s) => s.Length == 0 ? s : char.ToUpper(s[0], Es) + s[1..];

    /// <summary>"a, b y c".</summary>
    internal static string Lista(IEnumerable<string> partes) => Domain.Redaccion.Lista(partes);
}
