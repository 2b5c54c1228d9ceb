using System.Text.Json.Nodes;
using static Sipoi.Interop.Tests.Intercambio.Archivo;

namespace Sipoi.Interop.Tests.Intercambio;

/// <summary><c>poi.resumenesPeriodo</c> (docs/intercambio.md): optional, read when present, each rule broken once.</summary>
public class ResumenesPeriodoTests
{
    private static JsonObject Resumen(string centro = "03.01", string periodo = "T1", string texto = "Contribuyó la campaña de verano.") =>
        new() { ["centroCosto"] = centro, ["periodo"] = periodo, ["texto"] = texto };

    [Fact]
    public void SinResumenes_SeLeeVacio() => Assert.Empty(Acepta(r => r.Nodo("poi").AsObject().Remove("resumenesPeriodo")).Poi.ResumenesPeriodo);

    [Fact]
    public void Resumenes_SeLeen()
    {
        var doc = Acepta(r => r.Nodo("poi")["resumenesPeriodo"] = new JsonArray(Resumen(periodo: "t2")));
        var x = Assert.Single(doc.Poi.ResumenesPeriodo);
        Assert.Equal(("03.01", "T2", "Contribuyó la campaña de verano."), (x.CentroCosto, x.Periodo, x.Texto));
    }

    [Fact]
    public void Resumen_PeriodoQueNoEsTrimestre() =>
        RechazaCon("poi.resumenesPeriodo[0].periodo: «S1» no es un trimestre: use T1, T2, T3 o T4",
            r => r.Nodo("poi")["resumenesPeriodo"] = new JsonArray(Resumen(periodo: "S1")));

    [Fact]
    public void Resumen_CentroYPeriodoRepetidos() =>
        RechazaCon("poi.resumenesPeriodo[1]: el centro de costo «03.01» y el periodo T1 ya figuran en poi.resumenesPeriodo[0]",
            r => r.Nodo("poi")["resumenesPeriodo"] = new JsonArray(Resumen(), Resumen(texto: "Otro")));

    [Fact]
    public void Resumen_TextoObligatorio() =>
        RechazaCon("poi.resumenesPeriodo[0].texto: falta el campo obligatorio",
            r => r.Nodo("poi")["resumenesPeriodo"] = new JsonArray(new JsonObject { ["centroCosto"] = "03.01", ["periodo"] = "T1" }));
}
