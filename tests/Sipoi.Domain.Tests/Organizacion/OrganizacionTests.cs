using Sipoi.Domain.Evaluacion;
using Sipoi.Domain.Organizacion;

namespace Sipoi.Domain.Tests.Organizacion;

/// <summary>The entity's settings and its organisation chart refuse what a planning office could not use.</summary>
public sealed class OrganizacionTests
{
    private static CentroCosto Centro(int id, string codigo, int? padre = null, int entidad = 1)
    {
        var c = new CentroCosto(entidad, codigo, "Centro " + codigo, padre);
        typeof(CentroCosto).GetProperty(nameof(CentroCosto.Id))!.SetValue(c, id);
        return c;
    }

    [Fact]
    public void ConfiguracionPorDefecto_EsValida() => Assert.Empty(ConfiguracionEntidad.PorDefecto().Validar());

    [Theory]
    [InlineData(96, 95, "no puede superar")]
    [InlineData(-1, 95, "entre 0 y 100")]
    [InlineData(75, 101, "entre 0 y 100")]
    public void Umbrales_FueraDeRangoODesordenados_SeRechazanNombrandoElCampo(decimal medio, decimal alto, string mensaje)
    {
        var c = ConfiguracionEntidad.PorDefecto() with { BandaMedioDesde = medio, BandaAltoDesde = alto };
        var error = Assert.Single(c.Validar()).Mensaje;
        Assert.Contains("Umbral", error);
        Assert.Contains(mensaje, error);
    }

    [Fact]
    public void UmbralesIguales_SonValidos_NoHayBandaMedia() =>
        Assert.Empty((ConfiguracionEntidad.PorDefecto() with { BandaMedioDesde = 90, BandaAltoDesde = 90 }).Validar());

    [Theory]
    [InlineData(-1, 115, "Tolerancia inferior")]
    [InlineData(101, 115, "Tolerancia inferior")]
    [InlineData(85, 99, "Tolerancia superior")]
    [InlineData(85, 201, "Tolerancia superior")]
    public void Tolerancias_FueraDeRango_SeRechazan(decimal inferior, decimal superior, string campo)
    {
        var c = ConfiguracionEntidad.PorDefecto() with { ToleranciaInferior = inferior, ToleranciaSuperior = superior };
        Assert.StartsWith(campo, Assert.Single(c.Validar()).Mensaje);
    }

    [Fact]
    public void EtiquetaVaciaOLarga_YLeyendaLarga_SeRechazan()
    {
        var c = ConfiguracionEntidad.PorDefecto() with { EtiquetaBajo = " ", EtiquetaAlto = new string('x', 61), LeyendaMedio = new string('y', 121) };
        var errores = c.Validar().Select(p => p.Mensaje).ToList();
        Assert.Equal(3, errores.Count);
        Assert.Contains(errores, e => e.StartsWith("Etiqueta de la banda baja: es obligatoria", StringComparison.Ordinal));
        Assert.Contains(errores, e => e.StartsWith("Etiqueta de la banda alta", StringComparison.Ordinal));
        Assert.Contains(errores, e => e.StartsWith("Leyenda de la banda media", StringComparison.Ordinal));
    }

    [Fact]
    public void Configurar_Invalido_LanzaYNoCambiaNada()
    {
        var e = new Entidad("X", "Entidad X");
        var antes = e.Configuracion;
        var ex = Assert.Throws<ReglaDominioException>(() => e.Configurar(antes with { DiasCierre = 400, BandaMedioDesde = 99 }));
        Assert.Contains("Días de cierre", ex.Message);
        Assert.Contains("Umbral", ex.Message);
        Assert.Same(antes, e.Configuracion);
    }

    [Fact]
    public void Configurar_Valido_CambiaLasBandasDelMotor()
    {
        var e = new Entidad("X", "Entidad X");
        e.Configurar(e.Configuracion with { BandaMedioDesde = 50, BandaAltoDesde = 80, EtiquetaMedio = "Regular" });
        var bandas = ConfiguracionEvaluacion.Desde(e.Configuracion).Bandas;
        Assert.Equal(Banda.Medio, bandas.Clasificar(60m));
        Assert.Equal(Banda.Alto, bandas.Clasificar(80m));
        Assert.Equal("Regular", bandas.Etiqueta(Banda.Medio));
    }

    [Fact]
    public void MoverBajo_UnDescendiente_SeRechazaPorCiclo()
    {
        var raiz = Centro(1, "01");
        var hijo = Centro(2, "01.01", 1);
        var nieto = Centro(3, "01.01.01", 2);
        var todos = new[] { raiz, hijo, nieto };
        var ex = Assert.Throws<ReglaDominioException>(() => raiz.MoverBajo(nieto, todos));
        Assert.Contains("ciclo", ex.Message);
        Assert.Null(raiz.PadreId);
        Rechazo.Con(() => hijo.MoverBajo(hijo, todos), "El centro de costo 01.01 no puede ser su propio padre.");
    }

    [Fact]
    public void MoverBajo_OtraRama_YALaRaiz_SePermite()
    {
        var a = Centro(1, "01");
        var b = Centro(2, "02");
        var hijo = Centro(3, "01.01", 1);
        var todos = new[] { a, b, hijo };
        hijo.MoverBajo(b, todos);
        Assert.Equal(2, hijo.PadreId);
        hijo.MoverBajo(null, todos);
        Assert.Null(hijo.PadreId);
    }

    [Fact]
    public void MoverBajo_CentroDeOtraEntidad_SeRechaza()
    {
        var propio = Centro(1, "01");
        var ajeno = Centro(2, "02", entidad: 9);
        Rechazo.Con(() => propio.MoverBajo(ajeno, [propio, ajeno]), "El centro de costo 02 no pertenece a la entidad del centro 01.");
    }

    [Fact]
    public void UnidadEjecutoraDeOtraEntidad_SeRechaza()
    {
        var c = Centro(1, "01");
        Rechazo.Con(() => c.AsignarUnidadEjecutora(new UnidadEjecutora(9, "001", "Sede")), "La unidad ejecutora 001 no pertenece a la entidad del centro 01.");
    }
}
