using System.Text.Json.Nodes;
using static Sipoi.Interop.Tests.Intercambio.Archivo;

namespace Sipoi.Interop.Tests.Intercambio;

/// <summary>One test per rule of docs/intercambio.md: each breaks the rule once in a valid sample and expects
/// exactly one error naming the JSON path.</summary>
public class ValidacionTests
{
    [Fact]
    public void Muestra_EsValida() => Acepta(_ => { });

    // formato

    [Fact]
    public void Formato_DistintoSeRechazaSinRevisarLoDemas() =>
        RechazaCon("formato: se esperaba «sipoi-intercambio/1», no el texto \"sipoi-intercambio/2\"", r =>
        {
            r["formato"] = "sipoi-intercambio/2";
            r.Remove("entidad");
        });

    [Fact]
    public void Formato_Obligatorio() =>
        RechazaCon("formato: se esperaba «sipoi-intercambio/1» (falta el campo)", r => r.Remove("formato"));

    // códigos únicos

    [Fact]
    public void CentroCosto_CodigoUnico() =>
        RechazaCon("centrosCosto[2].codigo: código «03.01» repetido (también en centrosCosto[0])",
            r => r["centrosCosto"]!.AsArray().Add(r.Nodo("centrosCosto[0]").DeepClone()));

    [Fact]
    public void Ficha_CodigoUnico() =>
        RechazaCon("fichas[1].codigo: código «FP 34» repetido (también en fichas[0])",
            r => r["fichas"]!.AsArray().Add(r.Nodo("fichas[0]").DeepClone()));

    [Fact]
    public void Oei_CodigoUnico() =>
        RechazaCon("pei.oei[1].codigo: código «OEI.01» repetido (también en pei.oei[0])",
            r => r.Nodo("pei.oei[1]")["codigo"] = "OEI.01");

    [Fact]
    public void Aei_CodigoUnicoEnTodoElPei() =>
        RechazaCon("pei.oei[1].aei[1].codigo: código «AEI.01.02» repetido (también en pei.oei[0].aei[1])", r =>
        {
            var copia = r.Nodo("pei.oei[0].aei[1]").DeepClone().AsObject();
            copia.Remove("indicadores");
            r.Nodo("pei.oei[1]")["aei"]!.AsArray().Add(copia);
        });

    [Fact]
    public void Indicador_CodigoUnicoEnTodoElPei() =>
        RechazaCon("pei.oei[0].aei[1].indicadores[0].codigo: código «IND.OEI.01.01» repetido (también en pei.oei[0].indicadores[0])",
            r => r.Nodo("pei.oei[0].aei[1].indicadores[0]")["codigo"] = "IND.OEI.01.01");

    [Fact]
    public void Actividad_CodigoUnico() =>
        RechazaCon("poi.actividades[3].codigo: código «AOI00000500001» repetido (también en poi.actividades[0])",
            r => r.Nodo("poi.actividades[3]")["codigo"] = "AOI00000500001");

    [Fact]
    public void Generica_UnicaEnLaActividad() =>
        RechazaCon("poi.actividades[0].financieroPorGenerica[1].generica: genérica «2.1» repetida (también en poi.actividades[0].financieroPorGenerica[0])",
            r => r.Nodo("poi.actividades[0].financieroPorGenerica[1]")["generica"] = "2.1");

    // referencias

    [Theory]
    [InlineData("centrosCosto[1]", "padre", "03.09", "el centro de costo «03.09» no existe en centrosCosto")]
    [InlineData("fichas[0]", "centroCosto", "03.99", "el centro de costo «03.99» no existe en centrosCosto")]
    [InlineData("poi.actividades[1]", "centroCosto", "03.01.09.03", "el centro de costo «03.01.09.03» no existe en centrosCosto")]
    [InlineData("poi.actividades[3]", "aei", "AEI.09.01", "la AEI «AEI.09.01» no existe en el PEI")]
    [InlineData("poi.actividades[2]", "ficha", "FP 99", "la ficha «FP 99» no existe en fichas")]
    [InlineData("pei.oei[0].indicadores[0]", "centroCostoResponsable", "03.07", "el centro de costo «03.07» no existe en centrosCosto")]
    public void Referencia_DebeExistir(string objeto, string campo, string codigo, string mensaje) =>
        RechazaCon($"{objeto}.{campo}: {mensaje}", r => r.Nodo(objeto)[campo] = codigo);

    [Fact]
    public void Referencia_AeiDeLaFichaDebeExistir() =>
        RechazaCon("fichas[0].aei[1]: la AEI «AEI.09.09» no existe en el PEI", r => r.Nodo("fichas[0]")["aei"]![1] = "AEI.09.09");

    [Fact]
    public void Referencia_SeComparaExactamente() =>
        RechazaCon("poi.actividades[3].aei: la AEI «aei.01.02» no existe en el PEI", r => r.Nodo("poi.actividades[3]")["aei"] = "aei.01.02");

    [Fact]
    public void CentroCosto_NoPuedeSerSuPropioAncestro() =>
        RechazaCon("centrosCosto[0].padre: la jerarquía forma un ciclo (03.01 → 03.01.04.05 → 03.01)",
            r => r.Nodo("centrosCosto[0]")["padre"] = "03.01.04.05");

    [Fact]
    public void CentroCosto_NoPuedeSerSuPropioPadre() =>
        RechazaCon("centrosCosto[1].padre: la jerarquía forma un ciclo (03.01.04.05 → 03.01.04.05)",
            r => r.Nodo("centrosCosto[1]")["padre"] = "03.01.04.05");

    // prioridades

    [Fact]
    public void Oei_PrioridadUnicaEnElPei() =>
        RechazaCon("pei.oei[1].prioridad: prioridad 1 repetida (también en pei.oei[0])", r => r.Nodo("pei.oei[1]")["prioridad"] = 1);

    [Fact]
    public void Aei_PrioridadUnicaEnSuOei() =>
        RechazaCon("pei.oei[0].aei[1].prioridad: prioridad 1 repetida (también en pei.oei[0].aei[0])",
            r => r.Nodo("pei.oei[0].aei[1]")["prioridad"] = 1);

    [Fact]
    public void Aei_LaMismaPrioridadEnOtroOeiEsValida()
    {
        var d = Acepta(_ => { });
        Assert.Equal(d.Pei.Oei[0].Aei[0].Prioridad, d.Pei.Oei[1].Aei[0].Prioridad);
    }

    [Theory]
    [InlineData("pei.oei[0]", 0)]
    [InlineData("pei.oei[0].aei[0]", -1)]
    [InlineData("poi.actividades[0]", 0)]
    public void Prioridad_AlMenosUno(string objeto, int prioridad) =>
        RechazaCon($"{objeto}.prioridad: la prioridad debe ser 1 o mayor (es {prioridad})", r => r.Nodo(objeto)["prioridad"] = prioridad);

    // meses

    [Theory]
    [InlineData("programado")]
    [InlineData("ejecutado")]
    [InlineData("financieroProgramado")]
    [InlineData("financieroEjecutado")]
    public void Meses_FaltaUnValor(string campo) =>
        RechazaCon($"poi.actividades[0].{campo}: 11 valores, se esperan 12",
            r => r.Nodo("poi.actividades[0]")[campo]!.AsArray().RemoveAt(11));

    [Fact]
    public void Meses_SobraUnValor() =>
        RechazaCon("poi.actividades[17].programado: 13 valores, se esperan 12", r =>
        {
            var actividades = r.Nodo("poi")["actividades"]!.AsArray();
            for (var i = 5; i <= 17; i++)
            {
                var copia = actividades[1]!.DeepClone();
                copia["codigo"] = $"AOI9{i:00}";
                actividades.Add(copia);
            }
            actividades[17]!["programado"]!.AsArray().Add(21);
        });

    [Fact]
    public void Meses_PorGenericaTambienTienen12() =>
        RechazaCon("poi.actividades[0].financieroPorGenerica[0].ejecutado: 0 valores, se esperan 12",
            r => r.Nodo("poi.actividades[0].financieroPorGenerica[0]")["ejecutado"] = new JsonArray());

    [Theory]
    [InlineData("programado")]
    [InlineData("financieroProgramado")]
    public void Meses_MetaNoNegativa(string campo) =>
        RechazaCon($"poi.actividades[0].{campo}[4]: valor negativo (-1), se esperan valores ≥ 0",
            r => r.Nodo("poi.actividades[0]")[campo]![4] = -1);

    [Theory]
    [InlineData("programado")]
    [InlineData("financieroProgramado")]
    public void Meses_MetaNoNull(string campo) =>
        RechazaCon($"poi.actividades[1].{campo}[4]: la meta no puede ser null (use 0 cuando no hay meta en el mes)",
            r => r.Nodo("poi.actividades[1]")[campo]![4] = null);

    [Theory]
    [InlineData("ejecutado")]
    [InlineData("financieroEjecutado")]
    public void Meses_EjecutadoNoNegativo(string campo) =>
        RechazaCon($"poi.actividades[0].{campo}[1]: valor negativo (-0.5), se esperan valores ≥ 0",
            r => r.Nodo("poi.actividades[0]")[campo]![1] = -0.5m);

    [Fact]
    public void Meses_EjecutadoNullYCeroSonValidosYDistintos()
    {
        var d = Acepta(r => r.Nodo("poi.actividades[1]")["ejecutado"]![3] = 0);
        Assert.Equal(0m, d.Poi.Actividades[1].Ejecutado[3]);
        Assert.Null(d.Poi.Actividades[1].Ejecutado[4]);
    }

    // enumeraciones

    [Fact]
    public void Comportamiento_Valido() =>
        RechazaCon("poi.actividades[0].comportamiento: «total» no es válido; se espera «suma», «promedio», «ultimo» o «maximo»",
            r => r.Nodo("poi.actividades[0]")["comportamiento"] = "total");

    [Fact]
    public void Comportamiento_SeComparaExactamente() =>
        RechazaCon("poi.actividades[0].comportamiento: «Suma» no es válido; se espera «suma», «promedio», «ultimo» o «maximo»",
            r => r.Nodo("poi.actividades[0]")["comportamiento"] = "Suma");

    [Fact]
    public void Tipo_AoOInversion() =>
        RechazaCon("poi.actividades[0].tipo: «Proyecto» no es válido; se espera «AO» o «Inversion»",
            r => r.Nodo("poi.actividades[0]")["tipo"] = "Proyecto");

    [Fact]
    public void Sentido_Valido() =>
        RechazaCon("pei.oei[0].indicadores[0].sentido: «creciente» no es válido; se espera «ascendente», «descendente» o «no definido»",
            r => r.Nodo("pei.oei[0].indicadores[0]")["sentido"] = "creciente");

    [Fact]
    public void Metodo_CeplanOPonderado() =>
        RechazaCon("configuracion.metodo: «simple» no es válido; se espera «ceplan» o «ponderado»",
            r => r.Nodo("configuracion")["metodo"] = "simple");

    [Fact]
    public void TipoVersion_Valido() =>
        RechazaCon("poi.tipoVersion: «v3» no es válido; se espera «multianual», «anual» o «modificado»",
            r => r.Nodo("poi")["tipoVersion"] = "v3");

    [Fact]
    public void EstadoPei_Valido() =>
        RechazaCon("pei.estado: «vigente» no es válido; se espera «registro_iniciado», «registrado», «en_implementacion» o «finalizado»",
            r => r.Nodo("pei")["estado"] = "vigente");

    [Fact]
    public void Cui_SeAceptaYConservaAunqueSeaAo()
    {
        var d = Acepta(r => r.Nodo("poi.actividades[0]")["cui"] = "2001621");
        Assert.Equal("2001621", d.Poi.Actividades[0].Cui);
    }

    // mesInicio / mesFin, peso

    [Theory]
    [InlineData("mesInicio", 0)]
    [InlineData("mesInicio", 13)]
    [InlineData("mesFin", 13)]
    public void Mes_Entre1y12(string campo, int mes) =>
        RechazaCon($"poi.actividades[0].{campo}: el mes debe estar entre 1 y 12 (es {mes})", r => r.Nodo("poi.actividades[0]")[campo] = mes);

    [Fact]
    public void Mes_InicioNoPosteriorAFin() =>
        RechazaCon("poi.actividades[0].mesInicio: el mes de inicio (mayo) es posterior al mes de fin (marzo)", r =>
        {
            r.Nodo("poi.actividades[0]")["mesInicio"] = 5;
            r.Nodo("poi.actividades[0]")["mesFin"] = 3;
        });

    [Fact]
    public void Mes_InicioIgualAFinEsValido() => Acepta(r =>
    {
        r.Nodo("poi.actividades[0]")["mesInicio"] = 7;
        r.Nodo("poi.actividades[0]")["mesFin"] = 7;
    });

    [Theory]
    [InlineData("poi.actividades[0]", "0")]
    [InlineData("poi.actividades[2]", "-1")]
    [InlineData("fichas[0]", "0.0")]
    public void Peso_MayorQueCero(string objeto, string peso) =>
        RechazaCon($"{objeto}.peso: debe ser mayor que 0 (es {peso})", r => r.Nodo(objeto)["peso"] = JsonNode.Parse(peso));

    // metaAnual y financiero por genérica

    [Theory]
    [InlineData(0, "130000", "135000", "suma")]
    [InlineData(1, "252", "21", "promedio")]
    [InlineData(2, "75", "100", "ultimo")]
    [InlineData(3, "99.5", "12.5", "maximo")]
    public void MetaAnual_CoincideConElProgramadoSegunElComportamiento(int actividad, string meta, string calculado, string comportamiento) =>
        RechazaCon($"poi.actividades[{actividad}].metaAnual: {meta} no coincide con el valor anual de programado ({calculado}, comportamiento «{comportamiento}»)",
            r => r.Nodo($"poi.actividades[{actividad}]")["metaAnual"] = JsonNode.Parse(meta));

    [Fact]
    public void MetaAnual_SeComparaComoDecimal() =>
        Acepta(r => r.Nodo("poi.actividades[0]")["metaAnual"] = JsonNode.Parse("135000.000"));

    [Fact]
    public void MetaAnual_UsaElComportamientoPorDefecto() =>
        RechazaCon("poi.actividades[3].metaAnual: 12.5 no coincide con el valor anual de programado (99.5, comportamiento «suma»)",
            r => r.Nodo("poi.actividades[3]").Remove("comportamiento"));

    [Fact]
    public void PorGenerica_SumaIgualAlFinancieroProgramado() =>
        RechazaCon("poi.actividades[0].financieroPorGenerica: la suma por genérica no coincide con financieroProgramado (marzo 1500 ≠ 1500.50; diciembre 2001 ≠ 2000)", r =>
        {
            r.Nodo("poi.actividades[0].financieroPorGenerica[1]")["programado"]![2] = 900;
            r.Nodo("poi.actividades[0].financieroPorGenerica[1]")["programado"]![11] = 1401;
        });

    [Fact]
    public void PorGenerica_SinFinancieroProgramadoSeComparaConCeros() =>
        RechazaCon("poi.actividades[0].financieroPorGenerica: la suma por genérica no coincide con financieroProgramado (" +
                   "enero 1000.00 ≠ 0; febrero 1000.00 ≠ 0; marzo 1500.50 ≠ 0; abril 1000 ≠ 0; mayo 1000 ≠ 0; junio 1000 ≠ 0; julio 1000 ≠ 0; " +
                   "agosto 1000 ≠ 0; setiembre 1000 ≠ 0; octubre 1000 ≠ 0; noviembre 1000 ≠ 0; diciembre 2000 ≠ 0)",
            r => r.Nodo("poi.actividades[0]").Remove("financieroProgramado"));

    // años e indicadores

    [Theory]
    [InlineData("logrosEsperados", "24")]
    [InlineData("logrosEsperados", "año 2024")]
    [InlineData("valoresObtenidos", "02024")]
    public void LogrosEsperados_ClavesSonAnios(string campo, string clave) =>
        RechazaCon($"pei.oei[0].indicadores[0].{campo}: la clave «{clave}» no es un año de cuatro dígitos",
            r => r.Nodo($"pei.oei[0].indicadores[0].{campo}")[clave] = 5);

    [Fact]
    public void ValoresObtenidosSemestre_ClavesSonSemestres() =>
        RechazaCon("pei.oei[0].indicadores[0].valoresObtenidosSemestre: la clave «2024-S3» no es un semestre AAAA-S1 o AAAA-S2",
            r => r.Nodo("pei.oei[0].indicadores[0].valoresObtenidosSemestre")["2024-S3"] = 5);

    [Fact]
    public void ValoresObtenidos_NullEsNoRegistrado()
    {
        var d = Acepta(r => r.Nodo("pei.oei[0].indicadores[0].valoresObtenidos")["2025"] = null);
        Assert.False(d.Pei.Oei[0].Indicadores[0].ValoresObtenidos.ContainsKey(2025));
    }

    // configuración

    [Fact]
    public void Bandas_MedioNoMayorQueAlto() =>
        RechazaCon("configuracion.bandas.medioDesde: no puede superar al umbral desde el que empieza la banda alta (96 > 95; medio ≤ alto)", r =>
        {
            r.Nodo("configuracion.bandas")["medioDesde"] = 96;
            r.Nodo("configuracion.bandas")["altoDesde"] = 95;
        });

    [Theory]
    [InlineData("medioDesde", "-1")]
    [InlineData("altoDesde", "100.01")]
    public void Bandas_Entre0y100(string campo, string valor) =>
        RechazaCon($"configuracion.bandas.{campo}: debe estar entre 0 y 100 (es {valor})",
            r => r.Nodo("configuracion.bandas")[campo] = JsonNode.Parse(valor));

    [Fact]
    public void Bandas_LimitesIgualesSonValidos() => Acepta(r =>
    {
        r.Nodo("configuracion.bandas")["medioDesde"] = 0;
        r.Nodo("configuracion.bandas")["altoDesde"] = 0;
    });

    [Fact]
    public void Aprobacion_FechaIso() =>
        RechazaCon("poi.aprobacion.fecha: «28/12/2023» no es una fecha AAAA-MM-DD", r => r.Nodo("poi.aprobacion")["fecha"] = "28/12/2023");

    [Fact]
    public void DiasCierre_NoNegativo() =>
        RechazaCon("configuracion.diasCierre: deben estar entre 0 y 366 (es -1)", r => r.Nodo("configuracion")["diasCierre"] = -1);

    [Fact]
    public void DiasCierre_HastaUnAnio() =>
        RechazaCon("configuracion.diasCierre: deben estar entre 0 y 366 (es 400)", r => r.Nodo("configuracion")["diasCierre"] = 400);

    [Fact]
    public void Tolerancias_InferiorNoMayorQueSuperior() =>
        RechazaCon("configuracion.toleranciaInferior: debe estar entre 0 y 100 % (es 120)",
            r => r.Nodo("configuracion")["toleranciaInferior"] = 120);

    [Fact]
    public void Tolerancias_NoNegativas() =>
        RechazaCon("configuracion.toleranciaSuperior: debe estar entre 100 y 200 % (es -5)", r => r.Nodo("configuracion")["toleranciaSuperior"] = -5);

    // The example: the domain's range (ConfiguracionEntidad.Validar) reported at the file's path.
    [Fact]
    public void ToleranciaSuperior_500_SeRechazaConLaReglaDelDominio() =>
        RechazaCon("configuracion.toleranciaSuperior: debe estar entre 100 y 200 % (es 500)", r => r.Nodo("configuracion")["toleranciaSuperior"] = 500);

    [Fact]
    public void EtiquetaDeBanda_LargaOConControl_SeRechaza()
    {
        RechazaCon("configuracion.etiquetasBandas.alto: admite hasta 60 caracteres (tiene 61)",
            r => r.Nodo("configuracion.etiquetasBandas")["alto"] = new string('x', 61));
        RechazaCon("configuracion.etiquetasBandas.bajo: contiene un carácter de control (U+0000, posición 3), que no se admite: escríbalo en una sola línea, sin tabulaciones",
            r => r.Nodo("configuracion.etiquetasBandas")["bajo"] = "Ba\0jo");
    }
}
