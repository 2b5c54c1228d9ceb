using Sipoi.Domain.Operativo;
using Sipoi.Interop.Reportes;

namespace Sipoi.Interop.Tests.Reportes;

/// <summary>The budget workbook's "Necesidades" sheet: the directive's per-unit summary (código / detalle / costo).</summary>
public class PresupuestoNecesidadesExcelTests
{
    private static ResumenPresupuesto ConNecesidades() => PresupuestoExcelTests.Ejemplo() with
    {
        Necesidades =
        [
            new("01.02", "OFICINA DE PLANEAMIENTO Y DESARROLLO EMPRESARIAL", ResumenNecesidades.De(
            [
                new Necesidad("2.3.2.2.2.3", "Servicio de internet", 12, 100),
                new Necesidad("2.3.1.5.1.2", "Papel bond A4 (millar)", 10, 28.50m),
                new Necesidad(null, "Movilidad local", 4, 25),
            ])),
            new("03.01.04.05", "OFICINA DE TECNOLOGÍAS DE LA INFORMACIÓN", ResumenNecesidades.De([new Necesidad("2.3.1.9.1.1", "Tóner", 3, 250)])),
        ],
    };

    [Fact]
    public void Necesidades_HojaValidaConLineasSubtotalesYTotal()
    {
        using var x = new Xlsx(s => PresupuestoExcel.Escribir(ConNecesidades(), s), "presupuesto-necesidades.xlsx");
        Assert.Empty(x.Errores());
        Assert.Empty(x.Errores(DocumentFormat.OpenXml.FileFormatVersions.Office2007));
        Assert.Equal(["Ingresos", "Egresos", "Por centro de costo", "Necesidades"], x.Hojas);
        const string h = "Necesidades";
        Assert.Equal("CUADRO RESUMEN DE PRESUPUESTO POR UNIDAD ORGÁNICA AÑO 2024", x.Texto(h, "A2"));
        Assert.Equal("Detalle de insumos o servicios", x.Texto(h, "C5"));
        // Goods first, then services, then the lines without a goods/services code.
        Assert.Equal("01.02 OFICINA DE PLANEAMIENTO Y DESARROLLO EMPRESARIAL", x.Texto(h, "A6"));
        Assert.Equal("2.3.1.5.1.2", x.Texto(h, "B6"));
        Assert.Equal(285, x.Numero(h, "D6"));
        Assert.Equal("Servicio de internet", x.Texto(h, "C7"));
        Assert.Equal("Movilidad local", x.Texto(h, "C8"));
        Assert.Equal(("Bienes", 285.0), (x.Texto(h, "C9"), x.Numero(h, "D9")));
        Assert.Equal(("Servicios", 1200.0), (x.Texto(h, "C10"), x.Numero(h, "D10")));
        Assert.Equal(("Otros (sin código de bienes o servicios)", 100.0), (x.Texto(h, "C11"), x.Numero(h, "D11")));
        Assert.Equal(("Total", 1585.0), (x.Texto(h, "C12"), x.Numero(h, "D12")));
        Assert.Equal("#,##0.00", x.FormatoNumero(h, "D12"));
        // The second unit has no "Otros" row; the sheet's TOTAL adds the units' totals, not the subtotals twice.
        Assert.Equal(("Total", 750.0), (x.Texto(h, "C16"), x.Numero(h, "D16")));
        Assert.Equal(("TOTAL", 2335.0), (x.Texto(h, "A17"), x.Numero(h, "D17")));
    }

    [Fact]
    public void SinNecesidades_NoHayHoja()
    {
        using var x = new Xlsx(s => PresupuestoExcel.Escribir(PresupuestoExcelTests.Ejemplo(), s));
        Assert.DoesNotContain("Necesidades", x.Hojas);
    }
}
