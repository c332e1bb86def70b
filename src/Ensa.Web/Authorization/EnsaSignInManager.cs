using Ensa.Data;
using Ensa.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Ensa.Web.Authorization;

/// <summary>Identity's sign-in, refusing a deactivated person (password, two-factor and external sign-in all ask
/// <see cref="CanSignInAsync"/>); the answer is the same "not allowed" as for any refused sign-in.</summary>
public sealed class EnsaSignInManager(UserManager<EnsaUser> users, IHttpContextAccessor accessor,
    IUserClaimsPrincipalFactory<EnsaUser> factory, IOptions<IdentityOptions> options, ILogger<SignInManager<EnsaUser>> logger,
    IAuthenticationSchemeProvider schemes, IUserConfirmation<EnsaUser> confirmation, EnsaDbContext db)
    : SignInManager<EnsaUser>(users, accessor, factory, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(EnsaUser user) =>
        await base.CanSignInAsync(user) && await Deactivation.MaySignInAsync(db, user);
}
