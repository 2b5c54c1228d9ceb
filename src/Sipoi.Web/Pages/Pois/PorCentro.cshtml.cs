using Sipoi.Web.Data;
using Sipoi.Web.Reportes;

namespace Sipoi.Web.Pages.Pois;

/// <summary>The POI matrix by cost centre (matriz-centros.xlsx).</summary>
public sealed class PorCentroModel(SipoiDbContext db) : PaginaMatrizModel(db, AgrupacionMatriz.CentroCosto);
