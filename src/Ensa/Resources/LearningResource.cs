using Ensa.Common;

namespace Ensa.Resources;

public enum ResourceType { WebService, App, BookDigitalPart, Platform }

public enum Pricing { Free, Paid, Freemium }

[Flags]
public enum SignInMethods
{
    None = 0,
    FederatedSchoolLogin = 1,
    Google = 2,
    Microsoft = 4,
    OwnAccounts = 8,
    NoSignIn = 16,
}

[Flags]
public enum SchoolForms
{
    None = 0,
    Preschool = 1,
    Compulsory = 2,
    UpperSecondary = 4,
    Adult = 8,
}

/// <summary>A learning resource (lärresurs): described once for all organizers. What each organizer decided about
/// it lives in its own reviews.</summary>
public sealed class LearningResource : IAudited
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int WebAddressMaxLength = 500;
    public const int AppStoreLinksMaxLength = 1000;
    public const int PlatformsMaxLength = 200;
    public const int GradesMaxLength = 100;
    public const int SubjectsMaxLength = 500;

    private LearningResource() { }

    public LearningResource(string name, Guid? supplierId, ResourceType type, DateTime createdAt)
    {
        Id = Guid.NewGuid();
        CreatedAt = createdAt;
        Update(name, supplierId, type);
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public Guid? SupplierId { get; private set; }
    public ResourceType Type { get; private set; }
    public string Description { get; set; } = "";
    public string? WebAddress { get; set; }
    /// <summary>App store addresses, one per line.</summary>
    public string? AppStoreLinks { get; set; }
    /// <summary>E.g. "Webb, iOS, Android".</summary>
    public string? Platforms { get; set; }
    public SchoolForms SchoolForms { get; set; }
    /// <summary>E.g. "F–3, 4–6".</summary>
    public string? Grades { get; set; }
    /// <summary>Comma-separated, e.g. "Svenska, Matematik".</summary>
    public string? Subjects { get; set; }
    public SignInMethods SignInMethods { get; set; }
    public bool ProcessesPersonalData { get; set; }
    public Pricing Pricing { get; set; }
    public DateTime CreatedAt { get; private set; }
    /// <summary>The organizer whose central department added the entry (null: the platform or the demo data). It may change
    /// the entry itself only while no other organizer has acted on it; after that a change is a <see cref="ResourceChangeProposal"/>.</summary>
    public Guid? CreatedByOrganizerId { get; private set; }

    /// <summary>A new entry added by an organizer's central department.</summary>
    public static LearningResource AddedBy(Guid? organizerId, ResourceFacts facts, DateTime now)
    {
        var resource = new LearningResource(facts.Name, facts.SupplierId, facts.Type, now) { CreatedByOrganizerId = organizerId };
        resource.Apply(facts);
        return resource;
    }

    /// <summary>Changes the shared facts and gives the revisions to save with it: one per field changed.</summary>
    public IReadOnlyList<ResourceRevision> Change(ResourceFacts facts, RevisionAuthor by, DateTime now)
    {
        var revisions = ResourceRevision.Between(Id, ResourceFacts.Of(this), facts, by, now);
        Apply(facts);
        return revisions;
    }

    /// <summary>Sets every shared fact.</summary>
    public void Apply(ResourceFacts facts)
    {
        Update(facts.Name, facts.SupplierId, facts.Type);
        Description = facts.Description;
        WebAddress = facts.WebAddress;
        AppStoreLinks = facts.AppStoreLinks;
        Platforms = facts.Platforms;
        SchoolForms = facts.SchoolForms;
        Grades = facts.Grades;
        Subjects = facts.Subjects;
        SignInMethods = facts.SignInMethods;
        ProcessesPersonalData = facts.ProcessesPersonalData;
        Pricing = facts.Pricing;
    }

    public void Update(string name, Guid? supplierId, ResourceType type)
    {
        Name = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A resource has a name.", nameof(name)) : name.Trim();
        SupplierId = supplierId;
        Type = type;
    }
}
