using Microsoft.AspNetCore.Identity;

namespace Sipoi.Web.Seguridad;

/// <summary>Identity's messages in Spanish (only those a user of these pages can meet are worded; the rest fall back to a generic one).</summary>
public sealed class ErroresIdentidad : IdentityErrorDescriber
{
    private static IdentityError Error(string code, string mensaje) => new() { Code = code, Description = mensaje };

    public override IdentityError DefaultError() => Error(nameof(DefaultError), "No se pudo completar la operación.");
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "Otra persona modificó este usuario al mismo tiempo; intente de nuevo.");
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "La contraseña actual no es correcta.");
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), $"La contraseña debe tener al menos {length} caracteres.");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), $"La contraseña debe tener al menos {uniqueChars} caracteres distintos.");
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "La contraseña debe tener al menos un dígito.");
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "La contraseña debe tener al menos una minúscula.");
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "La contraseña debe tener al menos una mayúscula.");
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "La contraseña debe tener al menos un símbolo.");
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), $"El correo «{email}» no es válido.");
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), $"El usuario «{userName}» no es válido.");
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), $"Ya existe un usuario con el correo {email}.");
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), $"Ya existe el usuario {userName}.");
    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), $"El usuario ya tiene el rol {role}.");
    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), $"El usuario no tiene el rol {role}.");
    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), $"El rol «{role}» no es válido.");
    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), $"El rol {role} ya existe.");
}
