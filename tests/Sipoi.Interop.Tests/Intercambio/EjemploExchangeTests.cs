using Sipoi.Domain.Organizacion;
using Sipoi.Domain.Periodos;
using Sipoi.Interop.Intercambio;

namespace Sipoi.Interop.Tests.Intercambio;

/// <summary>The example of shared/EXCHANGE.md §1, a public interface, must keep loading.</summary>
public class EjemploExchangeTests
{
    // Copied from EXCHANGE.md §1 without its // comments, with «…» placeholders given real values, and with the
    // cost centre 03.01.09.03 added: the example's activity uses it but the example does not list it.
    private const string Ejemplo = """
        {
          "formato": "sipoi-intercambio/1",
          "entidad": { "codigo": "300549", "nombre": "MUNICIPALIDAD PROVINCIAL DE CAJAMARCA",
                       "tipo": "Municipalidad Provincial" },
          "configuracion": {
            "metodo": "ceplan",
            "bandas": { "medioDesde": 75, "altoDesde": 95 },
            "etiquetasBandas": { "bajo": "Bajo", "medio": "Medio", "alto": "Alto" }
          },
          "centrosCosto": [
            { "codigo": "03.01", "nombre": "GERENCIA MUNICIPAL", "padre": null },
            { "codigo": "03.01.04.05", "nombre": "OFICINA DE TECNOLOGÍAS DE LA INFORMACIÓN", "padre": "03.01" },
            { "codigo": "03.01.09.03", "nombre": "SUBGERENCIA DE TRÁNSITO Y SEGURIDAD VIAL", "padre": "03.01" }
          ],
          "fichas": [ { "codigo": "FP 34", "nombre": "PLANIFICACIÓN Y PRESUPUESTO", "gerencia": "Gerencia General" } ],
          "pei": {
            "codigo": "PEI-2024-2028", "inicio": 2024, "fin": 2028, "mision": "Promover el desarrollo integral de la provincia",
            "oei": [
              { "codigo": "OEI.03", "enunciado": "Mejorar el servicio de transporte urbano…", "prioridad": 3,
                "indicadores": [
                  { "codigo": "IND.OEI.03.01", "nombre": "Número de empresas de transporte urbano que cumplen…",
                    "unidad": "número", "sentido": "ascendente",
                    "lineaBase": { "anio": 2022, "valor": 120 },
                    "logrosEsperados": { "2024": 135 }, "valoresObtenidos": { "2024": 181 } } ],
                "aei": [
                  { "codigo": "AEI.03.02", "enunciado": "Programa de seguridad vial…", "prioridad": 2,
                    "indicadores": [ { "codigo": "IND.AEI.03.02.01", "nombre": "Personas capacitadas en seguridad vial", "unidad": "número",
                                       "sentido": "ascendente", "logrosEsperados": { "2024": 8000 },
                                       "valoresObtenidos": { "2024": 5000 } } ] } ] } ]
          },
          "poi": {
            "anio": 2024, "version": "Modificado 3",
            "actividades": [
              { "codigo": "AOI00000500001", "tipo": "AO",
                "nombre": "Señalización horizontal de vías urbanas", "centroCosto": "03.01.09.03",
                "aei": "AEI.03.02", "ficha": null, "unidadMedida": "Metro cuadrado",
                "comportamiento": "suma",
                "peso": 1,
                "programado":  [0, 0, 10000, 10000, 10000, 15000, 15000, 15000, 15000, 15000, 15000, 15000],
                "ejecutado":   [0, 0, 9000, 11000, 8000, null, null, null, null, null, null, null],
                "financieroProgramado": [0, 0, 25000.50, 25000, 25000, 30000, 30000, 30000, 30000, 30000, 30000, 30000],
                "financieroEjecutado":  [0, 0, 24000, 26000.75, 19000, null, null, null, null, null, null, null] }
            ]
          }
        }
        """;

    [Fact]
    public void EjemploDeExchange_SeAcepta()
    {
        var r = LectorIntercambio.Leer(Ejemplo);

        Assert.True(r.EsValido, string.Join("\n", r.Errores));
        var d = r.Documento;
        Assert.Equal("300549", d.Entidad.Codigo);
        Assert.Equal(MetodoEvaluacion.Ceplan, d.Configuracion!.Metodo);
        Assert.Equal(95m, d.Configuracion.Bandas!.AltoDesde);
        Assert.Null(d.CentrosCosto[0].Padre);
        Assert.Equal(3, d.Pei.Oei[0].Prioridad);
        Assert.Equal(135m, d.Pei.Oei[0].Indicadores[0].LogrosEsperados[2024]);
        var a = Assert.Single(d.Poi.Actividades);
        Assert.Equal(Comportamiento.Suma, a.Comportamiento);
        Assert.Null(a.Ficha);
        Assert.Equal(135000m, Agregacion.Programado(a.Comportamiento, a.Programado, Periodo.Anual));
        Assert.Equal(0m, a.Ejecutado[0]);
        Assert.Null(a.Ejecutado[5]);
        Assert.Equal(26000.75m, a.FinancieroEjecutado[3]);
    }

    [Fact]
    public void EjemploDeExchange_ExportarLoImportadoConservaCadaCampo()
    {
        var leido = LectorIntercambio.Leer(Ejemplo).Documento!;
        var releido = LectorIntercambio.Leer(EscritorIntercambio.EscribirTexto(leido));
        Assert.True(releido.EsValido, string.Join("\n", releido.Errores));
        Assert.Empty(Comparar.Diferencias(leido, releido.Documento));
    }
}
