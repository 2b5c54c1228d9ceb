using Sipoi.Web.Data;
using Sipoi.Web.Reportes;

namespace Sipoi.Web.Pages.Pois;

/// <summary>The POI matrix by ficha de proceso (matriz.xlsx).</summary>
public sealed class PorFichaModel(SipoiDbContext db) : PaginaMatrizModel(db, AgrupacionMatriz.FichaProceso)
{
    public bool AgrupaPorFichas => Matriz.Hojas.Any(h => h.FichaProceso is not null);
}
