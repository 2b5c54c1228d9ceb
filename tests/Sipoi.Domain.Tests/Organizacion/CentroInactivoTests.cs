using Sipoi.Domain.Organizacion;

namespace Sipoi.Domain.Tests.Organizacion;

/// <summary>A closed office is deactivated, never deleted; the tree keeps every active centre under an active parent.</summary>
public sealed class CentroInactivoTests
{
    private static CentroCosto Centro(int id, string codigo, int? padre = null)
    {
        var c = new CentroCosto(1, codigo, "Centro " + codigo, padre);
        typeof(CentroCosto).GetProperty(nameof(CentroCosto.Id))!.SetValue(c, id);
        return c;
    }

    [Fact]
    public void CentroNuevo_EstaActivo() => Assert.True(new CentroCosto(1, "01", "Gerencia").Activo);

    [Fact]
    public void SinHijosActivosNiBorradores_SeDesactivaYSeReactiva()
    {
        var padre = Centro(1, "01");
        var hijo = Centro(2, "01.01", 1);
        List<CentroCosto> arbol = [padre, hijo];
        hijo.Desactivar(arbol, []);
        Assert.False(hijo.Activo);
        hijo.Reactivar(arbol);
        Assert.True(hijo.Activo);
    }

    [Fact]
    public void ConHijoActivo_NoSeDesactiva_YElMensajeNombraAlHijo()
    {
        var padre = Centro(1, "01");
        List<CentroCosto> arbol = [padre, Centro(2, "01.01", 1), Centro(3, "01.02", 1)];
        var e = Assert.Throws<ReglaDominioException>(() => padre.Desactivar(arbol, []));
        Assert.Contains("01.01, 01.02", e.Message);
        Assert.Contains("centro de costo 01", e.Message);
        Assert.True(padre.Activo);
    }

    [Fact]
    public void ConHijosYaInactivos_SeDesactiva()
    {
        var padre = Centro(1, "01");
        var hijo = Centro(2, "01.01", 1);
        List<CentroCosto> arbol = [padre, hijo];
        hijo.Desactivar(arbol, []);
        padre.Desactivar(arbol, []);
        Assert.False(padre.Activo);
    }

    [Fact]
    public void ConActividadesEnUnaVersionNoAprobada_NoSeDesactiva()
    {
        var c = Centro(1, "01.05");
        var e = Assert.Throws<ReglaDominioException>(() => c.Desactivar([c], [new ActividadesEnFormulacion(2025, "POI Anual 2025", 3)]));
        Assert.Contains("01.05", e.Message);
        Assert.Contains("3 en «POI Anual 2025» del POI 2025", e.Message);
        Assert.True(c.Activo);
    }

    [Fact]
    public void UnaVersionNoAprobadaSinActividadesDelCentro_NoImpide()
    {
        var c = Centro(1, "01.05");
        c.Desactivar([c], [new ActividadesEnFormulacion(2025, "POI Anual 2025", 0)]);
        Assert.False(c.Activo);
    }

    [Fact]
    public void ConPadreInactivo_NoSeReactiva()
    {
        var padre = Centro(1, "01");
        var hijo = Centro(2, "01.01", 1);
        List<CentroCosto> arbol = [padre, hijo];
        hijo.Desactivar(arbol, []);
        padre.Desactivar(arbol, []);
        var e = Assert.Throws<ReglaDominioException>(() => hijo.Reactivar(arbol));
        Assert.Contains("depende de 01, que está inactivo", e.Message);
        Assert.False(hijo.Activo);
    }

    [Fact]
    public void DesactivarDosVeces_OReactivarUnActivo_SeRechaza()
    {
        var c = Centro(1, "01");
        Rechazo.Con(() => c.Reactivar([c]), "El centro de costo 01 ya está activo.");
        c.Desactivar([c], []);
        Rechazo.Con(() => c.Desactivar([c], []), "El centro de costo 01 ya está inactivo.");
    }

    [Fact]
    public void UnCentroInactivo_NoPuedeElegirseComoPadre()
    {
        var cerrado = Centro(1, "02");
        var otro = Centro(2, "03");
        List<CentroCosto> arbol = [cerrado, otro];
        cerrado.Desactivar(arbol, []);
        var e = Assert.Throws<ReglaDominioException>(() => otro.MoverBajo(cerrado, arbol));
        Assert.Contains("02 está inactivo", e.Message);
        Assert.Null(otro.PadreId);
    }

    [Fact]
    public void UnCentroInactivo_ConservaSuPadreInactivoAlEditarse()
    {
        var padre = Centro(1, "01");
        var hijo = Centro(2, "01.01", 1);
        List<CentroCosto> arbol = [padre, hijo];
        hijo.Desactivar(arbol, []);
        padre.Desactivar(arbol, []);
        hijo.MoverBajo(padre, arbol);
        Assert.Equal(1, hijo.PadreId);
    }
}
