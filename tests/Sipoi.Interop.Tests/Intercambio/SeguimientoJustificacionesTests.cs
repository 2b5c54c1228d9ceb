using System.Text.Json.Nodes;
using Sipoi.Domain.Seguimiento;
using static Sipoi.Interop.Tests.Intercambio.Archivo;

namespace Sipoi.Interop.Tests.Intercambio;

/// <summary><c>poi.seguimiento</c> and an activity's <c>justificaciones</c> (shared/EXCHANGE.md): each rule broken once.</summary>
public class SeguimientoJustificacionesTests
{
    [Fact]
    public void SinSeguimiento_SeLeeComoAusente()
    {
        var doc = Acepta(r => r.Nodo("poi").AsObject().Remove("seguimiento"));
        Assert.Null(doc.Poi.Seguimiento);
    }

    [Fact]
    public void SeguimientoYJustificaciones_SeLeen()
    {
        var doc = Acepta(_ => { });
        Assert.Contains(doc.Poi.Seguimiento!, s => s is { CentroCosto: "03.01", Mes: 5, Estado: EstadoSeguimiento.Observado });
        var j = Assert.Single(doc.Poi.Actividades[0].Justificaciones);
        Assert.Equal((5, "Demora en la consolidación"), (j.Mes, j.Dificultades));
    }

    [Fact]
    public void Seguimiento_EstadoDesconocido() =>
        RechazaCon("poi.seguimiento[0].estado: «cerrado» no es válido; se espera «pendiente», «enviado», «observado», «aprobado» o «validado»",
            r => r.Nodo("poi.seguimiento[0]")["estado"] = "cerrado");

    [Fact]
    public void Seguimiento_EstadoObligatorio() =>
        RechazaCon("poi.seguimiento[0].estado: falta el campo obligatorio", r => r.Nodo("poi.seguimiento[0]").AsObject().Remove("estado"));

    [Fact]
    public void Seguimiento_CentroQueNoExiste() =>
        RechazaCon("poi.seguimiento[1].centroCosto: el centro de costo «99» no existe en centrosCosto",
            r => r.Nodo("poi.seguimiento[1]")["centroCosto"] = "99");

    [Fact]
    public void Seguimiento_MesFueraDeRango() =>
        RechazaCon("poi.seguimiento[0].mes: el mes debe estar entre 1 y 12 (es 13)", r => r.Nodo("poi.seguimiento[0]")["mes"] = 13);

    [Fact]
    public void Seguimiento_CentroYMesRepetidos() =>
        RechazaCon("poi.seguimiento[2]: el centro de costo «03.01» y el mes 1 ya figuran en poi.seguimiento[0]",
            r => r.Nodo("poi")["seguimiento"]!.AsArray().Add(r.Nodo("poi.seguimiento[0]").DeepClone()));

    [Fact]
    public void Seguimiento_NoEsLista() =>
        RechazaCon("poi.seguimiento: se esperaba una lista, no el texto \"aprobado\"", r => r.Nodo("poi")["seguimiento"] = "aprobado");

    [Fact]
    public void Justificacion_MesRepetido() =>
        RechazaCon("poi.actividades[0].justificaciones[1].mes: el mes 5 ya tiene justificación en poi.actividades[0].justificaciones[0]",
            r => r.Nodo("poi.actividades[0]")["justificaciones"]!.AsArray().Add(r.Nodo("poi.actividades[0].justificaciones[0]").DeepClone()));

    [Fact]
    public void Justificacion_MesObligatorio() =>
        RechazaCon("poi.actividades[0].justificaciones[0].mes: falta el campo obligatorio",
            r => r.Nodo("poi.actividades[0].justificaciones[0]").AsObject().Remove("mes"));

    [Fact]
    public void Justificacion_TextoDeOtroTipo() =>
        RechazaCon("poi.actividades[0].justificaciones[0].logros: se esperaba un texto, no el número 3",
            r => r.Nodo("poi.actividades[0].justificaciones[0]")["logros"] = 3);

    [Fact]
    public void Justificacion_NoEsObjeto() =>
        RechazaCon("poi.actividades[0].justificaciones[0]: se esperaba un objeto, no null",
            r => r.Nodo("poi.actividades[0]")["justificaciones"] = new JsonArray((JsonNode?)null));
}
