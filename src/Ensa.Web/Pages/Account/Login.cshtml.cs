using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Ensa.Data;
using Ensa.Demo;
using Ensa.Identity;
using Ensa.Web.SignIn;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Ensa.Web.Pages.Account;

public sealed class LoginModel(SignInManager<EnsaUser> signIn, EnsaDbContext db, SignInLog log, IConfiguration configuration,
    IHostEnvironment environment, IdentityProviderCache providers, FederatedSignIn federated, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    public string ReturnUrl { get; private set; } = "/";
    public IReadOnlyList<DemoAccount> DemoAccounts { get; private set; } = [];
    /// <summary>The "sign in with …" buttons of the organizer the sign-in link names (?organizer=slug).</summary>
    public IReadOnlyList<ProviderConfig> Providers { get; private set; } = [];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.Email"), StringLength(EnsaUser.EmailMaxLength, ErrorMessage = "Validation.Length")]
        [Display(Name = "Field.Email")]
        public string Email { get; set; } = "";

        /// <summary>Left empty by a person of a domain with its own identity provider.</summary>
        [DataType(DataType.Password), StringLength(EnsaUser.PasswordMaxLength, ErrorMessage = "Validation.Length")]
        [Display(Name = "Field.Password")]
        public string? Password { get; set; }

        [Display(Name = "Field.RememberMe")]
        public bool RememberMe { get; set; }
    }

    /// <summary>The e-mail address and the "sign in with …" buttons are answered with a redirect to a provider.</summary>
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        SecurityHeaders.AllowFormsTo(Response, (await providers.AllAsync()).Select(p => p.Authority));
        await next();
    }

    private bool DemoEnabled => EnsaApp.DemoEnabled(configuration, environment);

    public async Task OnGetAsync(string? returnUrl, string? organizer)
    {
        Prepare(returnUrl);
        if (organizer is not null)
            Providers = (await providers.AllAsync()).Where(p => p.OrganizerSlug == organizer).OrderBy(p => p.DisplayName, StringComparer.CurrentCulture).ToList();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        Prepare(returnUrl);
        if (!ModelState.IsValid) return Page();
        var email = Input.Email.Trim();
        if (string.IsNullOrEmpty(Input.Password))
        {
            // Home realm discovery: an address of a domain with its own identity provider signs in there.
            if (await providers.ForEmailAsync(email) is { } provider)
            {
                if (await federated.ChallengeAsync(HttpContext, provider, ExternalModel.CallbackUrl(Url, ReturnUrl), email)) return new EmptyResult();
                ModelState.AddModelError("", l["SignIn.ProviderDown", provider.DisplayName]);
                return Page();
            }
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Password)}", l["Validation.Required", l["Field.Password"]]);
            return Page();
        }
        var user = await signIn.UserManager.FindByEmailAsync(email);
        // An unknown address, an account without a password and a locked account cost the same hashing and get the same
        // answer as a wrong password: neither the time nor the words tell which accounts exist.
        var result = user?.PasswordHash is not null
            ? await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true)
            : Microsoft.AspNetCore.Identity.SignInResult.Failed;
        if ((result.Succeeded || result.RequiresTwoFactor) && await federated.PasswordRefusedByAsync(user!) is { } organizer)
        {
            await signIn.SignOutAsync();
            ModelState.AddModelError("", l["SignIn.PasswordOff", organizer]);
            return Page();
        }
        if (result.Succeeded)
        {
            await log.RecordAsync(user!, SignInMethod.Password);
            UiLanguage.SetCookieFor(Response, user!);
            return LocalRedirect(ReturnUrl);
        }
        if (result.RequiresTwoFactor)
            return RedirectToPage("LoginWith2fa", new { returnUrl = ReturnUrl, rememberMe = Input.RememberMe });
        if (user?.PasswordHash is null || result.IsLockedOut || result.IsNotAllowed) PasswordWork.Spend(signIn.UserManager.PasswordHasher, Input.Password);
        ModelState.AddModelError("", l["Login.Failed"]);
        return Page();
    }

    /// <summary>One-click demo sign-in; exists only in Development/Demo mode.</summary>
    public async Task<IActionResult> OnPostDemoAsync(string email, string? returnUrl)
    {
        if (!DemoEnabled) return NotFound();
        Prepare(returnUrl);
        if (DemoData.Accounts.All(a => a.Email != email)) return BadRequest();
        var user = await signIn.UserManager.FindByEmailAsync(email);
        if (user is null) return NotFound();
        // Land at the organizer the button names (a demo person may serve several).
        var where = DemoData.Accounts.Single(a => a.Email == email).Where;
        var organizerId = await db.Organizers.Where(o => o.Name == where).Select(o => (Guid?)o.Id).SingleOrDefaultAsync();
        await signIn.SignInWithClaimsAsync(user, isPersistent: false,
            organizerId is { } id ? [new Claim(EnsaClaimTypes.ChosenOrganizer, id.ToString())] : []);
        return LocalRedirect(ReturnUrl);
    }

    private void Prepare(string? returnUrl)
    {
        ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
        DemoAccounts = DemoEnabled ? DemoData.Accounts : [];
    }
}
