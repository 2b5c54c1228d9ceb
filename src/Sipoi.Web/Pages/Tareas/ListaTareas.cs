using Microsoft.AspNetCore.Mvc;

namespace Sipoi.Web.Pages.Tareas;

/// <summary>The task list a landing page shows (partial _Tareas), and where each kind of task is done.</summary>
public sealed record ListaTareas(string Entidad, DateOnly Hoy, IReadOnlyList<Tarea> Tareas, IUrlHelper Url)
{
    public string Enlace(Tarea t) => t.Clase switch
    {
        ClaseTarea.RegistrarMes or ClaseTarea.CorregirObservado or ClaseTarea.MesVencido or ClaseTarea.ValidarMes or ClaseTarea.RevisarMes
            or ClaseTarea.CentroAtrasado =>
            Url.Pagina("/Seguimiento/Mes", null, new { entidad = Entidad, anio = t.Anio, mes = t.Mes, centro = t.Centro }),
        ClaseTarea.PropuestaPoi or ClaseTarea.AceptarPropuesta =>
            Url.Pagina("/Formulacion/Centro", null, new { entidad = Entidad, anio = t.Anio, centro = t.Centro }),
        ClaseTarea.AprobarVersion => Url.Pagina("/Formulacion/Index", null, new { entidad = Entidad, anio = t.Anio }),
        ClaseTarea.Recomendacion => Url.Pagina("/Informes/Recomendaciones", null, new { entidad = Entidad }),
        ClaseTarea.Evaluacion => Url.Pagina("/Informes/Evaluaciones", null, new { entidad = Entidad }),
        ClaseTarea.DefinirCalendario or ClaseTarea.Hito => Url.Pagina("/Calendario/Index", null, new { entidad = Entidad, anio = t.Anio }),
        _ => throw new ArgumentOutOfRangeException(nameof(t)),
    };
}
