using Sipoi.Domain;
using static Sipoi.Interop.Tests.Intercambio.Archivo;

namespace Sipoi.Interop.Tests.Intercambio;

/// <summary>
/// The domain's text limits (LimitesTexto) reported at the exchange file's own path: over-long codes, names
/// and paragraphs, control characters and broken escapes never reach the importer.
/// </summary>
public class TextosIntercambioTests
{
    [Fact]
    public void NombreDeCentro_MasLargoQueElLimite_SeRechazaEnSuRuta() =>
        RechazaCon($"centrosCosto[0].nombre: admite hasta 500 caracteres (tiene 2,097,152)",
            r => r.Nodo("centrosCosto[0]")["nombre"] = new string('a', 2 * 1024 * 1024));

    [Fact]
    public void NombreDeCentro_EnElLimite_SeAcepta() =>
        Assert.Equal(LimitesTexto.Nombre, Acepta(r => r.Nodo("centrosCosto[0]")["nombre"] = new string('a', LimitesTexto.Nombre)).CentrosCosto[0].Nombre.Length);

    [Fact]
    public void CodigoDeActividad_MasLargoQue40_SeRechaza() =>
        RechazaCon("poi.actividades[0].codigo: admite hasta 40 caracteres (tiene 41)",
            r => r.Nodo("poi.actividades[0]")["codigo"] = new string('A', 41));

    [Fact]
    public void NulEnElNombreDeUnaActividad_SeRechazaNombrandoLaRuta() =>
        RechazaCon("poi.actividades[2].nombre: contiene un carácter de control (U+0000, posición 5), que no se admite: escríbalo en una sola línea, sin tabulaciones",
            r => r.Nodo("poi.actividades[2]")["nombre"] = "Plan\0 anual");

    [Fact]
    public void SaltoDeLineaEnUnNombre_SeRechaza_EnLaMisionSeAcepta()
    {
        RechazaCon("pei.oei[0].enunciado: contiene un carácter de control (U+000A, posición 4), que no se admite: escríbalo en una sola línea, sin tabulaciones",
            r => r.Nodo("pei.oei[0]")["enunciado"] = "Uno\ndos");
        var d = Acepta(r => r.Nodo("pei")["mision"] = "Primera línea.\r\n\tSegunda línea.");
        Assert.Equal("Primera línea.\r\n\tSegunda línea.", d.Pei.Mision);
    }

    [Fact]
    public void MisionMasLargaQue4000_SeRechaza() =>
        RechazaCon("pei.mision: admite hasta 4,000 caracteres (tiene 4,001)", r => r.Nodo("pei")["mision"] = new string('m', 4001));

    [Fact]
    public void ReferenciaAUnCentro_ConControl_SeRechazaComoCodigo() =>
        RechazaCon("poi.actividades[0].centroCosto: contiene un carácter de control (U+0007, posición 1), que no se admite: escríbalo en una sola línea, sin tabulaciones",
            r => r.Nodo("poi.actividades[0]")["centroCosto"] = "\u0007");

    [Fact]
    public void SustitutoSuelto_SeRechazaSinExcepcion()
    {
        var json = Muestra();
        json.Nodo("entidad")["nombre"] = "MARCA";
        var texto = json.ToJsonString().Replace("\"MARCA\"", "\"A\\uD800B\"", StringComparison.Ordinal);
        var errores = Errores(texto);
        Assert.Equal(["entidad.nombre: el texto tiene un carácter no válido (un sustituto UTF-16 suelto)"], errores);
    }
}
