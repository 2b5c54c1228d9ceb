using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Sipoi.Web.Data;

/// <summary>
/// A query compiled with EF.CompileAsyncQuery, once per model. EF binds a compiled query to the first model it runs with and
/// refuses any other; contexts built with other options (the demo loaders', the migration's, a test's) get models of their
/// own, so each model gets its own compilation here. The hot paths use it (docs/benchmarks.md, «Carga»): no expression tree
/// built, cached and looked up on every call.
/// </summary>
public sealed class ConsultaCompilada<TConsulta>(Func<TConsulta> compilar) where TConsulta : class
{
    private readonly ConditionalWeakTable<IModel, TConsulta> porModelo = new();

    public TConsulta Para(DbContext db) => porModelo.GetValue(db.Model, _ => compilar());
}
