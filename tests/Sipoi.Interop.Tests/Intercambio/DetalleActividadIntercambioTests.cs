using System.Text.Json.Nodes;
using Sipoi.Domain.Operativo;
using Sipoi.Interop.Intercambio;
using static Sipoi.Interop.Tests.Intercambio.Archivo;

namespace Sipoi.Interop.Tests.Intercambio;

/// <summary>
/// An activity's optional <c>indicador</c>, <c>elementosCriticos</c> and <c>necesidades</c> (docs/intercambio.md): a file
/// without them still reads, present ones are read, and the domain's rules are reported under their JSON path.
/// </summary>
public class DetalleActividadIntercambioTests
{
    private static JsonObject Actividad(JsonObject r) => r.Nodo("poi.actividades[0]").AsObject();

    [Fact]
    public void ArchivoSinDetalle_SeLeeVacio()
    {
        var doc = Acepta(r =>
        {
            var a = Actividad(r);
            a.Remove("indicador");
            a.Remove("elementosCriticos");
            a.Remove("necesidades");
        });
        var a = doc.Poi.Actividades[0];
        Assert.Null(a.Indicador);
        Assert.Empty(a.ElementosCriticos);
        Assert.Empty(a.Necesidades);
    }

    [Fact]
    public void Detalle_SeLee()
    {
        var a = Acepta(_ => { }).Poi.Actividades[0];
        Assert.Equal(TipoIndicadorActividad.Insumo, a.Indicador!.Tipo);
        Assert.Equal(["Información de las áreas a tiempo", "Personal asignado"], a.ElementosCriticos);
        Assert.Equal(285m, DetalleIntercambio.Detalle(a).Necesidades[0].Costo);
        Assert.Null(a.Necesidades[1].Codigo);
    }

    [Fact]
    public void Indicador_TipoDesconocido() =>
        RechazaCon("poi.actividades[0].indicador.tipo: «resultado» no es válido; se espera «proceso» o «insumo»",
            r => Actividad(r)["indicador"] = new JsonObject { ["enunciado"] = "Número de talleres", ["tipo"] = "resultado" });

    [Fact]
    public void Indicador_SinTipo() =>
        RechazaCon("poi.actividades[0].indicador.tipo: falta el campo obligatorio",
            r => Actividad(r)["indicador"] = new JsonObject { ["enunciado"] = "Número de talleres" });

    [Fact]
    public void Necesidad_CantidadCero_SeRechazaConLaReglaDelDominio() =>
        RechazaCon("poi.actividades[0].necesidades[0].cantidad: Actividad AOI00000500001, necesidad 1: la cantidad debe ser mayor que cero.",
            r => Actividad(r)["necesidades"] = new JsonArray(new JsonObject { ["detalle"] = "Tóner", ["cantidad"] = 0, ["costoUnitario"] = 250 }));

    [Fact]
    public void ElementoCritico_Repetido() =>
        RechazaCon("poi.actividades[0].elementosCriticos[1]: Actividad AOI00000500001, elemento crítico 2: «local» ya está en la lista.",
            r => Actividad(r)["elementosCriticos"] = new JsonArray("Local", "local"));
}
