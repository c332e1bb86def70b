using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ensa.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AgreementTemplates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    IsPlaceholder = table.Column<bool>(type: "INTEGER", nullable: false),
                    Sections = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    PublishedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Changes = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FriendlyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JobLeases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobLeases", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "Organizers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OrganisationNumber = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ControllerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DataProtectionOfficerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DataProtectionOfficerEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TextBody = table.Column<string>(type: "TEXT", nullable: false),
                    HtmlBody = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Suppliers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrganisationNumber = table.Column<string>(type: "TEXT", maxLength: 11, nullable: true),
                    ForeignRegistration = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Suppliers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FrameworkAgreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FrameworkAgreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FrameworkAgreements_Organizers_OrganizerId",
                        column: x => x.OrganizerId,
                        principalTable: "Organizers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OrganisationUnits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SchoolUnitCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganisationUnits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrganisationUnits_OrganisationUnits_ParentId",
                        column: x => x.ParentId,
                        principalTable: "OrganisationUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OrganisationUnits_Organizers_OrganizerId",
                        column: x => x.OrganizerId,
                        principalTable: "Organizers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PublicListSettings",
                columns: table => new
                {
                    OrganizerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Fields = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ShowNotApproved = table.Column<bool>(type: "INTEGER", nullable: false),
                    Intro = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicListSettings", x => x.OrganizerId);
                    table.ForeignKey(
                        name: "FK_PublicListSettings_Organizers_OrganizerId",
                        column: x => x.OrganizerId,
                        principalTable: "Organizers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SupplierId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IsSupplierAdmin = table.Column<bool>(type: "INTEGER", nullable: false, defaultValue: false),
                    LastOrganizerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IsPlatformAdmin = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LearningResources",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SupplierId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    WebAddress = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AppStoreLinks = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Platforms = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SchoolForms = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Grades = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Subjects = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SignInMethods = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProcessesPersonalData = table.Column<bool>(type: "INTEGER", nullable: false),
                    Pricing = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByOrganizerId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LearningResources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LearningResources_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Memberships",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OrganisationUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    GrantedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Memberships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Memberships_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Memberships_OrganisationUnits_OrganisationUnitId",
                        column: x => x.OrganisationUnitId,
                        principalTable: "OrganisationUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Memberships_Organizers_OrganizerId",
                        column: x => x.OrganizerId,
                        principalTable: "Organizers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MessageKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Argument = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notifications_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OrganizerInvitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    OrganisationUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    InvitedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcceptedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganizerInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrganizerInvitations_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OrganizerInvitations_OrganisationUnits_OrganisationUnitId",
                        column: x => x.OrganisationUnitId,
                        principalTable: "OrganisationUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OrganizerInvitations_Organizers_OrganizerId",
                        column: x => x.OrganizerId,
                        principalTable: "Organizers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RightsRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CaseReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RightsRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RightsRequests_AspNetUsers_CreatedByUserId",
                        column: x => x.CreatedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RightsRequests_Organizers_OrganizerId",
                        column: x => x.OrganizerId,
                        principalTable: "Organizers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupplierInvitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupplierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IsAdmin = table.Column<bool>(type: "INTEGER", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    InvitedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcceptedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplierInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupplierInvitations_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SupplierInvitations_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResourceChangeProposals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposedByOrganizerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProposedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BaseFacts = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    ProposedFacts = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResourceChangeProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResourceChangeProposals_LearningResources_ResourceId",
                        column: x => x.ResourceId,
                        principalTable: "LearningResources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResourceGuidance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HowToStart = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Guidelines = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Links = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResourceGuidance", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResourceGuidance_LearningResources_ResourceId",
                        column: x => x.ResourceId,
                        principalTable: "LearningResources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ResourceGuidance_Organizers_OrganizerId",
                        column: x => x.OrganizerId,
                        principalTable: "Organizers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResourceRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequesterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewQueuedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProposedName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ProposedSupplier = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ProposedWebAddress = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Need = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Users = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Grades = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ApproxUsers = table.Column<int>(type: "INTEGER", nullable: true),
                    PersonalData = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ProtectedIdentity = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SignInMethod = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Paid = table.Column<bool>(type: "INTEGER", nullable: false),
                    Cost = table.Column<decimal>(type: "TEXT", nullable: true),
                    LicencePeriod = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    IsBookWithDigitalPart = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResourceRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResourceRequests_AspNetUsers_RequesterId",
                        column: x => x.RequesterId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ResourceRequests_LearningResources_ResourceId",
                        column: x => x.ResourceId,
                        principalTable: "LearningResources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ResourceRequests_OrganisationUnits_SchoolUnitId",
                        column: x => x.SchoolUnitId,
                        principalTable: "OrganisationUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ResourceRequests_Organizers_OrganizerId",
                        column: x => x.OrganizerId,
                        principalTable: "Organizers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupplierDescriptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupplierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    PublishedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SubjectMatter = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Nature = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Purposes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DataSubjects = table.Column<string>(type: "TEXT", nullable: false),
                    PersonalData = table.Column<string>(type: "TEXT", nullable: false),
                    ProcessingOperations = table.Column<string>(type: "TEXT", nullable: false),
                    Retention = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Deletion = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Locations = table.Column<string>(type: "TEXT", nullable: false),
                    Transfers = table.Column<string>(type: "TEXT", nullable: false),
                    SecurityMeasures = table.Column<string>(type: "TEXT", nullable: false),
                    Logging = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    LogAccess = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AgreementContactName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AgreementContactEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    AgreementContactPhone = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    DataProtectionContactName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DataProtectionContactEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    DataProtectionContactPhone = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    SubProcessors = table.Column<string>(type: "TEXT", nullable: false),
                    HasSensitiveData = table.Column<bool>(type: "INTEGER", nullable: false),
                    HasPersonalIdentityNumbers = table.Column<bool>(type: "INTEGER", nullable: false),
                    HasThirdCountryTransfer = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplierDescriptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupplierDescriptions_LearningResources_ResourceId",
                        column: x => x.ResourceId,
                        principalTable: "LearningResources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupplierDescriptions_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RightsRequestUnits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RightsRequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolUnitId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RightsRequestUnits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RightsRequestUnits_OrganisationUnits_SchoolUnitId",
                        column: x => x.SchoolUnitId,
                        principalTable: "OrganisationUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RightsRequestUnits_RightsRequests_RightsRequestId",
                        column: x => x.RightsRequestId,
                        principalTable: "RightsRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Purchases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FrameworkAgreementId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Licences = table.Column<int>(type: "INTEGER", nullable: true),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Cost = table.Column<decimal>(type: "TEXT", nullable: true),
                    OrderReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ServiceAgreementReference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Purchases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Purchases_FrameworkAgreements_FrameworkAgreementId",
                        column: x => x.FrameworkAgreementId,
                        principalTable: "FrameworkAgreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Purchases_ResourceRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "ResourceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RequestEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ActorUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequestEvents_ResourceRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "ResourceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResourceReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PedagogicalAssessment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Accessibility = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AccessibilityNotes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    PersonalDataCategories = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SensitiveData = table.Column<bool>(type: "INTEGER", nullable: false),
                    ThirdCountryTransfer = table.Column<bool>(type: "INTEGER", nullable: false),
                    ThirdCountryNotes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SuitableForProtectedIdentity = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ScreeningChildren = table.Column<bool>(type: "INTEGER", nullable: false),
                    ScreeningLargeScale = table.Column<bool>(type: "INTEGER", nullable: false),
                    ScreeningNewTechnology = table.Column<bool>(type: "INTEGER", nullable: false),
                    ScreeningSystematicMonitoring = table.Column<bool>(type: "INTEGER", nullable: false),
                    DpiaNeeded = table.Column<bool>(type: "INTEGER", nullable: false),
                    AgreementNeed = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ReviewerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReviewerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SecurityAssessment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SecurityCoordinatorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SecurityCoordinatorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SecurityAssessedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Conditions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DecidedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Shared = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResourceReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResourceReviews_LearningResources_ResourceId",
                        column: x => x.ResourceId,
                        principalTable: "LearningResources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ResourceReviews_ResourceRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "ResourceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResourceUses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegisteransvarigUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AdministratorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AdministratorEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    TrainingConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    InUseSince = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SupplierDataRemoved = table.Column<bool>(type: "INTEGER", nullable: true),
                    EndNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResourceUses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResourceUses_AspNetUsers_RegisteransvarigUserId",
                        column: x => x.RegisteransvarigUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ResourceUses_LearningResources_ResourceId",
                        column: x => x.ResourceId,
                        principalTable: "LearningResources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ResourceUses_OrganisationUnits_SchoolUnitId",
                        column: x => x.SchoolUnitId,
                        principalTable: "OrganisationUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ResourceUses_ResourceRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "ResourceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RightsTasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RightsRequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceRequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AdministratorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AdministratorEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RemindedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LinkIssuedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RightsTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RightsTasks_LearningResources_ResourceId",
                        column: x => x.ResourceId,
                        principalTable: "LearningResources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RightsTasks_OrganisationUnits_SchoolUnitId",
                        column: x => x.SchoolUnitId,
                        principalTable: "OrganisationUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RightsTasks_ResourceRequests_ResourceRequestId",
                        column: x => x.ResourceRequestId,
                        principalTable: "ResourceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RightsTasks_RightsRequests_RightsRequestId",
                        column: x => x.RightsRequestId,
                        principalTable: "RightsRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Agreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupplierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TemplateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TemplateVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    DescriptionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DescriptionVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ControllerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AgreementContactName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AgreementContactEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    AgreementContactPhone = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    DataProtectionContactName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DataProtectionContactEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    DataProtectionContactPhone = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    RegistryNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReviewerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReviewerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewNotes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SecurityCoordinatorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SecurityCoordinatorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SecurityReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SecurityNotes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SignedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SignedDocumentSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SharedWithOtherOrganizers = table.Column<bool>(type: "INTEGER", nullable: false, defaultValue: false),
                    InForceFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TerminatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Disposition = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    DispositionConfirmation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ExpiredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PendingDescriptionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PendingDescriptionVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    VersionChangeNotifiedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ObjectionDeadline = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ObjectionReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ObjectionReasonShared = table.Column<bool>(type: "INTEGER", nullable: false, defaultValue: false),
                    ObjectedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ObjectedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Agreements_AgreementTemplates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "AgreementTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Agreements_LearningResources_ResourceId",
                        column: x => x.ResourceId,
                        principalTable: "LearningResources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Agreements_Organizers_OrganizerId",
                        column: x => x.OrganizerId,
                        principalTable: "Organizers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Agreements_SupplierDescriptions_DescriptionId",
                        column: x => x.DescriptionId,
                        principalTable: "SupplierDescriptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Agreements_SupplierDescriptions_PendingDescriptionId",
                        column: x => x.PendingDescriptionId,
                        principalTable: "SupplierDescriptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Agreements_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AgreementDeviations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SupplierValue = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    OrganizerValue = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementDeviations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementDeviations_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgreementEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ActorUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DescriptionVersion = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementEvents_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgreementSignatories",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Party = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementSignatories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementSignatories_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SignedAgreementDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Size = table.Column<int>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignedAgreementDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SignedAgreementDocuments_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementDeviations_AgreementId_Field",
                table: "AgreementDeviations",
                columns: new[] { "AgreementId", "Field" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgreementEvents_AgreementId_At",
                table: "AgreementEvents",
                columns: new[] { "AgreementId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_DescriptionId",
                table: "Agreements",
                column: "DescriptionId");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_OrganizerId_Status",
                table: "Agreements",
                columns: new[] { "OrganizerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_PendingDescriptionId",
                table: "Agreements",
                column: "PendingDescriptionId");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_ResourceId_Status_DescriptionVersion",
                table: "Agreements",
                columns: new[] { "ResourceId", "Status", "DescriptionVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_Status_EndDate",
                table: "Agreements",
                columns: new[] { "Status", "EndDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_Status_ReviewDate",
                table: "Agreements",
                columns: new[] { "Status", "ReviewDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_SupplierId",
                table: "Agreements",
                column: "SupplierId");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_TemplateId",
                table: "Agreements",
                column: "TemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementSignatories_AgreementId",
                table: "AgreementSignatories",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementTemplates_Version",
                table: "AgreementTemplates",
                column: "Version",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_SupplierId",
                table: "AspNetUsers",
                column: "SupplierId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_OrganizerId_At",
                table: "AuditEntries",
                columns: new[] { "OrganizerId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_FrameworkAgreements_OrganizerId",
                table: "FrameworkAgreements",
                column: "OrganizerId");

            migrationBuilder.CreateIndex(
                name: "IX_LearningResources_Name",
                table: "LearningResources",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_LearningResources_SupplierId",
                table: "LearningResources",
                column: "SupplierId");

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_OrganisationUnitId",
                table: "Memberships",
                column: "OrganisationUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_OrganizerId",
                table: "Memberships",
                column: "OrganizerId");

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_UserId_OrganizerId",
                table: "Memberships",
                columns: new[] { "UserId", "OrganizerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_ReadAt",
                table: "Notifications",
                columns: new[] { "UserId", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationUnits_OrganizerId",
                table: "OrganisationUnits",
                column: "OrganizerId");

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationUnits_ParentId",
                table: "OrganisationUnits",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationUnits_SchoolUnitCode",
                table: "OrganisationUnits",
                column: "SchoolUnitCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OrganizerInvitations_OrganisationUnitId",
                table: "OrganizerInvitations",
                column: "OrganisationUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_OrganizerInvitations_OrganizerId",
                table: "OrganizerInvitations",
                column: "OrganizerId");

            migrationBuilder.CreateIndex(
                name: "IX_OrganizerInvitations_TokenHash",
                table: "OrganizerInvitations",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OrganizerInvitations_UserId",
                table: "OrganizerInvitations",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Organizers_OrganisationNumber",
                table: "Organizers",
                column: "OrganisationNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Organizers_Slug",
                table: "Organizers",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_SentAt_NextAttemptAt",
                table: "OutboxMessages",
                columns: new[] { "SentAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Purchases_FrameworkAgreementId",
                table: "Purchases",
                column: "FrameworkAgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_Purchases_RequestId",
                table: "Purchases",
                column: "RequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RequestEvents_RequestId_At",
                table: "RequestEvents",
                columns: new[] { "RequestId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ResourceChangeProposals_ResourceId",
                table: "ResourceChangeProposals",
                column: "ResourceId");

            migrationBuilder.CreateIndex(
                name: "IX_ResourceGuidance_OrganizerId_ResourceId",
                table: "ResourceGuidance",
                columns: new[] { "OrganizerId", "ResourceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResourceGuidance_ResourceId",
                table: "ResourceGuidance",
                column: "ResourceId");

            migrationBuilder.CreateIndex(
                name: "IX_ResourceRequests_OrganizerId_Status_ReviewQueuedAt",
                table: "ResourceRequests",
                columns: new[] { "OrganizerId", "Status", "ReviewQueuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ResourceRequests_RequesterId",
                table: "ResourceRequests",
                column: "RequesterId");

            migrationBuilder.CreateIndex(
                name: "IX_ResourceRequests_ResourceId",
                table: "ResourceRequests",
                column: "ResourceId");

            migrationBuilder.CreateIndex(
                name: "IX_ResourceRequests_SchoolUnitId",
                table: "ResourceRequests",
                column: "SchoolUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ResourceReviews_OrganizerId_ResourceId_DecidedAt",
                table: "ResourceReviews",
                columns: new[] { "OrganizerId", "ResourceId", "DecidedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ResourceReviews_RequestId",
                table: "ResourceReviews",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_ResourceReviews_ResourceId_Shared",
                table: "ResourceReviews",
                columns: new[] { "ResourceId", "Shared" });

            migrationBuilder.CreateIndex(
                name: "IX_ResourceUses_RegisteransvarigUserId",
                table: "ResourceUses",
                column: "RegisteransvarigUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ResourceUses_RequestId",
                table: "ResourceUses",
                column: "RequestId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResourceUses_ResourceId",
                table: "ResourceUses",
                column: "ResourceId");

            migrationBuilder.CreateIndex(
                name: "IX_ResourceUses_SchoolUnitId",
                table: "ResourceUses",
                column: "SchoolUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_RightsRequests_CreatedByUserId",
                table: "RightsRequests",
                column: "CreatedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_RightsRequests_OrganizerId_ClosedAt",
                table: "RightsRequests",
                columns: new[] { "OrganizerId", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RightsRequestUnits_RightsRequestId_SchoolUnitId",
                table: "RightsRequestUnits",
                columns: new[] { "RightsRequestId", "SchoolUnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RightsRequestUnits_SchoolUnitId",
                table: "RightsRequestUnits",
                column: "SchoolUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_RightsTasks_ResourceId",
                table: "RightsTasks",
                column: "ResourceId");

            migrationBuilder.CreateIndex(
                name: "IX_RightsTasks_ResourceRequestId",
                table: "RightsTasks",
                column: "ResourceRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_RightsTasks_RightsRequestId",
                table: "RightsTasks",
                column: "RightsRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_RightsTasks_SchoolUnitId",
                table: "RightsTasks",
                column: "SchoolUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_RightsTasks_Status_RightsRequestId",
                table: "RightsTasks",
                columns: new[] { "Status", "RightsRequestId" });

            migrationBuilder.CreateIndex(
                name: "IX_RightsTasks_TokenHash",
                table: "RightsTasks",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SignedAgreementDocuments_AgreementId",
                table: "SignedAgreementDocuments",
                column: "AgreementId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupplierDescriptions_ResourceId_SupplierId_Version",
                table: "SupplierDescriptions",
                columns: new[] { "ResourceId", "SupplierId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupplierDescriptions_SupplierId",
                table: "SupplierDescriptions",
                column: "SupplierId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplierInvitations_SupplierId",
                table: "SupplierInvitations",
                column: "SupplierId");

            migrationBuilder.CreateIndex(
                name: "IX_SupplierInvitations_TokenHash",
                table: "SupplierInvitations",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupplierInvitations_UserId",
                table: "SupplierInvitations",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Suppliers_Name",
                table: "Suppliers",
                column: "Name");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgreementDeviations");

            migrationBuilder.DropTable(
                name: "AgreementEvents");

            migrationBuilder.DropTable(
                name: "AgreementSignatories");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "JobLeases");

            migrationBuilder.DropTable(
                name: "Memberships");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "OrganizerInvitations");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "PublicListSettings");

            migrationBuilder.DropTable(
                name: "Purchases");

            migrationBuilder.DropTable(
                name: "RequestEvents");

            migrationBuilder.DropTable(
                name: "ResourceChangeProposals");

            migrationBuilder.DropTable(
                name: "ResourceGuidance");

            migrationBuilder.DropTable(
                name: "ResourceReviews");

            migrationBuilder.DropTable(
                name: "ResourceUses");

            migrationBuilder.DropTable(
                name: "RightsRequestUnits");

            migrationBuilder.DropTable(
                name: "RightsTasks");

            migrationBuilder.DropTable(
                name: "SignedAgreementDocuments");

            migrationBuilder.DropTable(
                name: "SupplierInvitations");

            migrationBuilder.DropTable(
                name: "FrameworkAgreements");

            migrationBuilder.DropTable(
                name: "ResourceRequests");

            migrationBuilder.DropTable(
                name: "RightsRequests");

            migrationBuilder.DropTable(
                name: "Agreements");

            migrationBuilder.DropTable(
                name: "OrganisationUnits");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "AgreementTemplates");

            migrationBuilder.DropTable(
                name: "SupplierDescriptions");

            migrationBuilder.DropTable(
                name: "Organizers");

            migrationBuilder.DropTable(
                name: "LearningResources");

            migrationBuilder.DropTable(
                name: "Suppliers");
        }
    }
}
