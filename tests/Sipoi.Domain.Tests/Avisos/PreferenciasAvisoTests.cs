using Sipoi.Domain.Avisos;

namespace Sipoi.Domain.Tests.Avisos;

public class PreferenciasAvisoTests
{
    [Fact]
    public void SinPreferencias_RecibeTodo() =>
        Assert.All(TiposAviso.Todos, t => Assert.True(PreferenciasAviso.Recibe(null, t)));

    [Fact]
    public void Ninguno_ApagaTodosLosTipos()
    {
        var p = new PreferenciasAviso(1, 1);
        p.Cambiar(true, TiposAviso.Todos, TiposAviso.Todos);
        Assert.All(TiposAviso.Todos, t => Assert.False(PreferenciasAviso.Recibe(p, t)));
    }

    [Fact]
    public void PorTipo_SoloLosMarcadosYLosNoOfrecidosSeConservan()
    {
        var p = new PreferenciasAviso(1, 1);
        var deOperador = TiposAviso.ParaRoles(operador: true, planificador: false, consulta: false);
        p.Cambiar(false, deOperador, [TipoAviso.MesObservado, TipoAviso.PlazoVencido]);
        Assert.True(PreferenciasAviso.Recibe(p, TipoAviso.MesObservado));
        Assert.True(PreferenciasAviso.Recibe(p, TipoAviso.PlazoVencido));
        Assert.False(PreferenciasAviso.Recibe(p, TipoAviso.PlazoProximo));
        Assert.False(PreferenciasAviso.Recibe(p, TipoAviso.MesReabierto));
        Assert.False(PreferenciasAviso.Recibe(p, TipoAviso.Recomendacion));
        // Not offered to an operator: left as it was.
        Assert.True(PreferenciasAviso.Recibe(p, TipoAviso.EvaluacionPublicada));
    }
}
