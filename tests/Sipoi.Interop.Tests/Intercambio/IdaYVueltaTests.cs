using System.Text;
using Sipoi.Interop.Intercambio;

namespace Sipoi.Interop.Tests.Intercambio;

public class IdaYVueltaTests
{
    [Fact]
    public void Muestra_FijaTodosLosCamposDelModelo()
    {
        // Guards the round trip below: a field the sample leaves empty would not be checked by it.
        Assert.Empty(Comparar.CamposSinValor(Muestra.Documento()));
    }

    [Fact]
    public void EscribirYLeer_ConservaCadaCampo()
    {
        var original = Muestra.Documento();
        using var archivo = new MemoryStream();
        EscritorIntercambio.Escribir(original, archivo);
        archivo.Position = 0;

        var r = LectorIntercambio.Leer(archivo);

        Assert.True(r.EsValido, string.Join("\n", r.Errores));
        Assert.Empty(Comparar.Diferencias(original, r.Documento));
    }

    [Fact]
    public void Comparar_DetectaUnCambioEnUnCampoProfundo()
    {
        // The round trip relies on this comparison; make sure it is not vacuous.
        var original = Muestra.Documento();
        var primera = original.Poi.Actividades[0] with
        {
            Ejecutado = [null, 0, 9000, 11000, 8000, null, null, null, null, null, null, null],
        };
        var cambiado = original with { Poi = original.Poi with { Actividades = [primera, .. original.Poi.Actividades.Skip(1)] } };

        Assert.Equal(["documento.Poi.Actividades[0].Ejecutado[0]: 0 ≠ null"], Comparar.Diferencias(original, cambiado));
    }

    [Fact]
    public void EscribirYLeer_DistingueEjecutadoNullDeCero()
    {
        var leido = LectorIntercambio.Leer(EscritorIntercambio.EscribirTexto(Muestra.Documento())).Documento!;
        var ejecutado = leido.Poi.Actividades[0].Ejecutado;

        Assert.Equal(0m, ejecutado[0]);
        Assert.Null(ejecutado[5]);
    }

    [Fact]
    public void EscribirLeerEscribir_DaElMismoTexto()
    {
        var primero = EscritorIntercambio.EscribirTexto(Muestra.Documento());
        var segundo = EscritorIntercambio.EscribirTexto(LectorIntercambio.Leer(primero).Documento!);
        Assert.Equal(primero, segundo);
    }

    [Fact]
    public void Escribir_ConservaLosDecimalesExactos()
    {
        var texto = EscritorIntercambio.EscribirTexto(Muestra.Documento());

        Assert.Contains("\"monto\": 17337130.00", texto);
        Assert.Contains("\"ejecutado\": [0, 0, 9000, 11000, 8000, null, null, null, null, null, null, null]", texto);
        Assert.DoesNotContain("E+", texto, StringComparison.OrdinalIgnoreCase);
        var leido = LectorIntercambio.Leer(texto).Documento!;
        Assert.Equal(17337130.00m, leido.Poi.Presupuesto!.Ingresos[0].Monto);
        Assert.Equal(2, decimal.GetBits(leido.Poi.Presupuesto.Ingresos[0].Monto)[3] >> 16 & 0xFF);
    }

    [Fact]
    public void Escribir_Utf8SinBomIndentadoConDosEspaciosYTildesLegibles()
    {
        using var archivo = new MemoryStream();
        EscritorIntercambio.Escribir(Muestra.Documento(), archivo);
        var bytes = archivo.ToArray();
        var texto = Encoding.UTF8.GetString(bytes);

        Assert.NotEqual(0xEF, bytes[0]);
        Assert.StartsWith("{\n  \"formato\": \"sipoi-intercambio/1\",\n  \"entidad\": {\n    \"codigo\": \"300549\"", texto);
        Assert.Contains("OFICINA DE TECNOLOGÍAS DE LA INFORMACIÓN", texto);
        Assert.Contains("RGG N.º 114-2023-EMSAPUNO/GG", texto);
        Assert.Contains("\"fecha\": \"2023-12-28\"", texto);
    }

    [Fact]
    public void Escribir_SigueElOrdenDeExchange()
    {
        var texto = EscritorIntercambio.EscribirTexto(Muestra.Documento());
        string[] raiz = ["\"formato\"", "\"entidad\"", "\"configuracion\"", "\"centrosCosto\"", "\"fichas\"", "\"pei\"", "\"poi\""];
        var posiciones = raiz.Select(c => texto.IndexOf(c, StringComparison.Ordinal)).ToList();
        Assert.Equal(posiciones.Order(), posiciones);

        var actividad = texto[texto.IndexOf("\"AOI00000500001\"", StringComparison.Ordinal)..];
        string[] campos = ["\"tipo\"", "\"nombre\"", "\"centroCosto\"", "\"aei\"", "\"ficha\"", "\"unidadMedida\"", "\"comportamiento\"",
            "\"peso\"", "\"programado\"", "\"ejecutado\"", "\"financieroProgramado\"", "\"financieroEjecutado\""];
        var enActividad = campos.Select(c => actividad.IndexOf(c, StringComparison.Ordinal)).ToList();
        Assert.Equal(enActividad.Order(), enActividad);
    }

    [Fact]
    public void Escribir_OmiteLosOpcionalesSinValor()
    {
        var texto = EscritorIntercambio.EscribirTexto(Muestra.Documento());
        var inversion = texto[texto.IndexOf("\"codigo\": \"2456789\"", StringComparison.Ordinal)..];

        Assert.DoesNotContain(": null", texto);
        Assert.DoesNotContain("\"ficha\"", inversion);
        Assert.DoesNotContain("\"metaAnual\"", inversion);
        Assert.DoesNotContain("\"financieroPorGenerica\"", inversion);
        Assert.Contains("\"financieroEjecutado\": [null, null", inversion);
    }
}
