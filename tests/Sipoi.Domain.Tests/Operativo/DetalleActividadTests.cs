using Sipoi.Domain.Operativo;
using Sipoi.Domain.Periodos;
using Sipoi.Domain.Presupuesto;

namespace Sipoi.Domain.Tests.Operativo;

public class DetalleActividadTests
{
    private static ProgramacionActividad Programacion() =>
        new(1, 10, 100, Comportamiento.Suma, 1, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);

    private static readonly Necesidad Papel = new("2.3.1.5.1.2", "Papel bond A4 (millar)", 10, 28.5m);
    private static readonly Necesidad Servicio = new("2.3.2.7.11.99", "Servicio de capacitación", 1, 1200);

    [Fact]
    public void Indicador_ConTipoSinEnunciado_SeRechazaNombrandoElCampo()
    {
        var p = new DetalleActividad(null, TipoIndicadorActividad.Proceso, [], []).Problemas("AO-1");
        var problema = Assert.Single(p);
        Assert.Equal("Indicador", problema.Campo);
        Assert.Equal("Actividad AO-1: escriba el enunciado del indicador de proceso (unidad de medida + sujeto + atributo).", problema.Mensaje);
    }

    [Fact]
    public void Indicador_ConEnunciadoSinTipo_PideElTipo()
    {
        var p = new DetalleActividad("Número de trabajadores capacitados", null, [], []).Problemas("AO-1");
        Assert.Equal("TipoIndicador", Assert.Single(p).Campo);
        Assert.Contains("elija el tipo del indicador (proceso o insumo)", p[0].Mensaje, StringComparison.Ordinal);
    }

    [Fact]
    public void Indicador_MasLargoQueUnNombre_SeRechaza()
    {
        var p = new DetalleActividad(new string('x', LimitesTexto.Nombre + 1), TipoIndicadorActividad.Insumo, [], []).Problemas("AO-1");
        Assert.Contains(p, x => x.Campo == "Indicador" && x.Mensaje.Contains("el enunciado del indicador admite hasta 500 caracteres (tiene 501)", StringComparison.Ordinal));
    }

    [Fact]
    public void ElementosCriticos_VaciosRepetidosYDemasiados_SeRechazanPorFila()
    {
        var p = new DetalleActividad(null, null, ["Local disponible", " ", "local disponible"], []).Problemas("AO-1");
        Assert.Contains(p, x => x.Campo == "ElementosCriticos[1]" && x.Mensaje.Contains("elemento crítico 2: escriba el elemento", StringComparison.Ordinal));
        Assert.Contains(p, x => x.Campo == "ElementosCriticos[2]" && x.Mensaje.Contains("«local disponible» ya está en la lista", StringComparison.Ordinal));
        var muchos = Enumerable.Range(1, DetalleActividad.MaximoElementosCriticos + 1).Select(i => $"Elemento {i}").ToList();
        Assert.Contains(new DetalleActividad(null, null, muchos, []).Problemas("AO-1"),
            x => x.Mensaje == "Actividad AO-1: registre hasta 10 elementos críticos (tiene 11).");
    }

    [Fact]
    public void Necesidades_SinDetalleCantidadCeroCostoNegativoOCodigoAjeno_SeRechazanPorCampo()
    {
        var p = new DetalleActividad(null, null, [], [new("23.1", " ", 0, -1)]).Problemas("AO-1");
        Assert.Contains(p, x => x.Campo == "Necesidades[0].Codigo" && x.Mensaje.Contains("el código «23.1» no es del clasificador de gasto", StringComparison.Ordinal));
        Assert.Contains(p, x => x.Campo == "Necesidades[0].Detalle" && x.Mensaje == "Actividad AO-1, necesidad 1: escriba el detalle del insumo o servicio.");
        Assert.Contains(p, x => x.Campo == "Necesidades[0].Cantidad" && x.Mensaje.Contains("la cantidad debe ser mayor que cero", StringComparison.Ordinal));
        Assert.Contains(p, x => x.Campo == "Necesidades[0].CostoUnitario" && x.Mensaje.Contains("el costo unitario no puede ser negativo", StringComparison.Ordinal));
    }

    [Fact]
    public void Necesidad_CostoEsCantidadPorCostoUnitario_YSuRubroSaleDelClasificador()
    {
        Assert.Equal(285m, Papel.Costo);
        Assert.Equal(RubroBienesServicios.Bienes, Papel.Rubro);
        Assert.Equal(RubroBienesServicios.Servicios, Servicio.Rubro);
        Assert.Equal(RubroBienesServicios.Otra, new Necesidad(null, "Movilidad", 2, 10).Rubro);
    }

    [Fact]
    public void Detallar_ConProblemas_NoCambiaNada()
    {
        var p = Programacion();
        p.Detallar(new DetalleActividad("Número de talleres realizados", TipoIndicadorActividad.Proceso, ["Facilitador contratado"], [Papel]), "AO-1");
        Rechazo.Con(() => p.Detallar(new DetalleActividad("Otro", TipoIndicadorActividad.Insumo, ["Nuevo"], [Papel with { Cantidad = 0 }]), "AO-1"),
            "Actividad AO-1, necesidad 1: la cantidad debe ser mayor que cero.");
        var d = p.Detalle();
        Assert.Equal("Número de talleres realizados", d.Indicador);
        Assert.Equal(["Facilitador contratado"], d.ElementosCriticos);
        Assert.Equal(10, Assert.Single(d.Necesidades).Cantidad);
    }

    [Fact]
    public void Detallar_RecortaTextos_ActualizaFilasEnSuLugarYQuitaLasQueSobran()
    {
        var p = Programacion();
        p.Detallar(new DetalleActividad(" Número de talleres ", TipoIndicadorActividad.Proceso, [" Uno ", "Dos"], [Papel, Servicio]), "AO-1");
        var primera = p.Necesidades.Single(n => n.Orden == 1);
        p.Detallar(new DetalleActividad("Número de talleres", TipoIndicadorActividad.Proceso, ["Uno"], [Papel with { Cantidad = 20 }]), "AO-1");
        Assert.Same(primera, Assert.Single(p.Necesidades));
        Assert.Equal(570m, p.Detalle().TotalNecesidades);
        Assert.Equal("Uno", Assert.Single(p.ElementosCriticos).Texto);
        Assert.Equal("Número de talleres", p.Indicador);
    }

    [Fact]
    public void CopiarPara_LlevaIndicadorElementosYNecesidades()
    {
        var p = Programacion();
        p.Detallar(new DetalleActividad("Gasto en materiales", TipoIndicadorActividad.Insumo, ["Proveedor"], [Papel, Servicio]), "AO-1");
        var copia = p.CopiarPara(10, 200, conProyecciones: false).Detalle();
        Assert.Equal(TipoIndicadorActividad.Insumo, copia.TipoIndicador);
        Assert.Equal(["Proveedor"], copia.ElementosCriticos);
        Assert.Equal([Papel, Servicio], copia.Necesidades);
    }

    [Fact]
    public void ComparacionConProgramacion_SeInformaSinRechazar()
    {
        Assert.Null(DetalleActividad.ComparacionConProgramacion("AO-1", 1485, 1485, 2));
        Assert.Null(DetalleActividad.ComparacionConProgramacion("AO-1", 0, 5000, 0));
        Assert.Equal("Actividad AO-1: las necesidades suman S/ 1,485.00 y la programación financiera S/ 1,000.00 (exceden S/ 485.00).",
            DetalleActividad.ComparacionConProgramacion("AO-1", 1485, 1000, 2));
        Assert.Contains("(faltan S/ 515.00)", DetalleActividad.ComparacionConProgramacion("AO-1", 1485, 2000, 2), StringComparison.Ordinal);
    }

    [Fact]
    public void ResumenNecesidades_SumaLineasIgualesYSeparaBienesServiciosYOtros()
    {
        var r = ResumenNecesidades.De([Servicio, Papel, Papel with { Cantidad = 2 }, new Necesidad(null, "Movilidad local", 4, 25), new("2.3", "Útiles varios", 1, 15)]);
        Assert.Equal(4, r.Lineas.Count);
        Assert.Equal(("2.3.1.5.1.2", 342m), (r.Lineas[0].Codigo, r.Lineas[0].Costo));
        Assert.Equal("Servicio de capacitación", r.Lineas[1].Detalle);
        Assert.Equal(342m, r.Bienes);
        Assert.Equal(1200m, r.Servicios);
        Assert.Equal(115m, r.Otros);
        Assert.Equal(1657m, r.Total);
    }
}
