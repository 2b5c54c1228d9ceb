namespace Sipoi.Web.Arranque;

/// <summary>
/// Marks a query parameter of a page or endpoint that may be longer than <see cref="LimitesEntrada.LargoConsulta"/>
/// (a list of entity codes, a return URL). Read from the endpoint's metadata, so it goes on the page model class.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class ParametroLargoAttribute(string nombre, int largoMaximo) : Attribute
{
    public string Nombre { get; } = nombre;
    public int LargoMaximo { get; } = largoMaximo;
}
