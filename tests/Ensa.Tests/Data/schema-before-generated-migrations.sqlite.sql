-- What the hand-written migrations (removed 2026-12-01, ADR 11) built, as EF scripted them; for SchemaUpgradeTests.
CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "AuditEntries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY,
    "OrganizerId" TEXT NULL,
    "At" TEXT NOT NULL,
    "ActorUserId" TEXT NULL,
    "ActorName" TEXT NULL,
    "EntityType" TEXT NOT NULL,
    "EntityId" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "Changes" TEXT NOT NULL
);

CREATE TABLE "DataProtectionKeys" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NOT NULL
);

CREATE TABLE "JobLeases" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_JobLeases" PRIMARY KEY,
    "Holder" TEXT NULL,
    "ExpiresAt" TEXT NOT NULL
);

CREATE TABLE "Organizers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Organizers" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Slug" TEXT NOT NULL,
    "OrganisationNumber" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "ControllerName" TEXT NOT NULL,
    "DataProtectionOfficerName" TEXT NULL,
    "DataProtectionOfficerEmail" TEXT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE TABLE "OutboxMessages" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_OutboxMessages" PRIMARY KEY,
    "To" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "TextBody" TEXT NOT NULL,
    "HtmlBody" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "NextAttemptAt" TEXT NOT NULL,
    "SentAt" TEXT NULL,
    "Attempts" INTEGER NOT NULL,
    "LastError" TEXT NULL
);

CREATE TABLE "Suppliers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Suppliers" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "OrganisationNumber" TEXT NULL,
    "ForeignRegistration" TEXT NULL,
    "CountryCode" TEXT NOT NULL,
    "ContactName" TEXT NOT NULL,
    "ContactEmail" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE TABLE "OrganisationUnits" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_OrganisationUnits" PRIMARY KEY,
    "OrganizerId" TEXT NOT NULL,
    "ParentId" TEXT NULL,
    "Kind" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "SchoolUnitCode" TEXT NULL,
    CONSTRAINT "FK_OrganisationUnits_OrganisationUnits_ParentId" FOREIGN KEY ("ParentId") REFERENCES "OrganisationUnits" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_OrganisationUnits_Organizers_OrganizerId" FOREIGN KEY ("OrganizerId") REFERENCES "Organizers" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "DisplayName" TEXT NOT NULL,
    "SupplierId" TEXT NULL,
    "IsPlatformAdmin" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL,
    CONSTRAINT "FK_AspNetUsers_Suppliers_SupplierId" FOREIGN KEY ("SupplierId") REFERENCES "Suppliers" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Invitations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Invitations" PRIMARY KEY,
    "OrganizerId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "Email" TEXT NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "InvitedByUserId" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    "AcceptedAt" TEXT NULL,
    CONSTRAINT "FK_Invitations_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Invitations_Organizers_OrganizerId" FOREIGN KEY ("OrganizerId") REFERENCES "Organizers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Memberships" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Memberships" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "OrganizerId" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "OrganisationUnitId" TEXT NULL,
    "GrantedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Memberships_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Memberships_OrganisationUnits_OrganisationUnitId" FOREIGN KEY ("OrganisationUnitId") REFERENCES "OrganisationUnits" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Memberships_Organizers_OrganizerId" FOREIGN KEY ("OrganizerId") REFERENCES "Organizers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");

CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");

CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE INDEX "IX_AspNetUsers_SupplierId" ON "AspNetUsers" ("SupplierId");

CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

CREATE INDEX "IX_AuditEntries_OrganizerId_At" ON "AuditEntries" ("OrganizerId", "At");

CREATE INDEX "IX_Invitations_OrganizerId" ON "Invitations" ("OrganizerId");

CREATE UNIQUE INDEX "IX_Invitations_TokenHash" ON "Invitations" ("TokenHash");

CREATE INDEX "IX_Invitations_UserId" ON "Invitations" ("UserId");

CREATE INDEX "IX_Memberships_OrganisationUnitId" ON "Memberships" ("OrganisationUnitId");

CREATE INDEX "IX_Memberships_OrganizerId" ON "Memberships" ("OrganizerId");

CREATE INDEX "IX_Memberships_UserId_OrganizerId" ON "Memberships" ("UserId", "OrganizerId");

CREATE INDEX "IX_OrganisationUnits_OrganizerId" ON "OrganisationUnits" ("OrganizerId");

CREATE INDEX "IX_OrganisationUnits_ParentId" ON "OrganisationUnits" ("ParentId");

CREATE UNIQUE INDEX "IX_OrganisationUnits_SchoolUnitCode" ON "OrganisationUnits" ("SchoolUnitCode");

CREATE UNIQUE INDEX "IX_Organizers_OrganisationNumber" ON "Organizers" ("OrganisationNumber");

CREATE UNIQUE INDEX "IX_Organizers_Slug" ON "Organizers" ("Slug");

CREATE INDEX "IX_OutboxMessages_SentAt_NextAttemptAt" ON "OutboxMessages" ("SentAt", "NextAttemptAt");

CREATE INDEX "IX_Suppliers_Name" ON "Suppliers" ("Name");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122000000_Initial', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "LearningResources" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_LearningResources" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "SupplierId" TEXT NULL,
    "Type" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "WebAddress" TEXT NULL,
    "AppStoreLinks" TEXT NULL,
    "Platforms" TEXT NULL,
    "SchoolForms" TEXT NOT NULL,
    "Grades" TEXT NULL,
    "Subjects" TEXT NULL,
    "SignInMethods" TEXT NOT NULL,
    "ProcessesPersonalData" INTEGER NOT NULL,
    "Pricing" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_LearningResources_Suppliers_SupplierId" FOREIGN KEY ("SupplierId") REFERENCES "Suppliers" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "FrameworkAgreements" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_FrameworkAgreements" PRIMARY KEY,
    "OrganizerId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Active" INTEGER NOT NULL,
    CONSTRAINT "FK_FrameworkAgreements_Organizers_OrganizerId" FOREIGN KEY ("OrganizerId") REFERENCES "Organizers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ResourceRequests" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ResourceRequests" PRIMARY KEY,
    "OrganizerId" TEXT NOT NULL,
    "SchoolUnitId" TEXT NOT NULL,
    "RequesterId" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "SubmittedAt" TEXT NULL,
    "ReviewQueuedAt" TEXT NULL,
    "DecidedAt" TEXT NULL,
    "ResourceId" TEXT NULL,
    "ProposedName" TEXT NULL,
    "ProposedSupplier" TEXT NULL,
    "ProposedWebAddress" TEXT NULL,
    "Need" TEXT NOT NULL,
    "Users" TEXT NOT NULL,
    "Grades" TEXT NULL,
    "ApproxUsers" INTEGER NULL,
    "PersonalData" TEXT NULL,
    "ProtectedIdentity" TEXT NOT NULL,
    "SignInMethod" TEXT NOT NULL,
    "Paid" INTEGER NOT NULL,
    "Cost" TEXT NULL,
    "LicencePeriod" TEXT NULL,
    "IsBookWithDigitalPart" INTEGER NOT NULL,
    CONSTRAINT "FK_ResourceRequests_AspNetUsers_RequesterId" FOREIGN KEY ("RequesterId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ResourceRequests_LearningResources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES "LearningResources" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ResourceRequests_OrganisationUnits_SchoolUnitId" FOREIGN KEY ("SchoolUnitId") REFERENCES "OrganisationUnits" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ResourceRequests_Organizers_OrganizerId" FOREIGN KEY ("OrganizerId") REFERENCES "Organizers" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "RequestEvents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_RequestEvents" PRIMARY KEY,
    "OrganizerId" TEXT NOT NULL,
    "RequestId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "ActorUserId" TEXT NOT NULL,
    "ActorName" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "Comment" TEXT NULL,
    CONSTRAINT "FK_RequestEvents_ResourceRequests_RequestId" FOREIGN KEY ("RequestId") REFERENCES "ResourceRequests" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ResourceReviews" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ResourceReviews" PRIMARY KEY,
    "OrganizerId" TEXT NOT NULL,
    "RequestId" TEXT NOT NULL,
    "ResourceId" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "PedagogicalAssessment" TEXT NULL,
    "Accessibility" TEXT NOT NULL,
    "AccessibilityNotes" TEXT NULL,
    "PersonalDataCategories" TEXT NULL,
    "SensitiveData" INTEGER NOT NULL,
    "ThirdCountryTransfer" INTEGER NOT NULL,
    "ThirdCountryNotes" TEXT NULL,
    "SuitableForProtectedIdentity" TEXT NOT NULL,
    "ScreeningChildren" INTEGER NOT NULL,
    "ScreeningLargeScale" INTEGER NOT NULL,
    "ScreeningNewTechnology" INTEGER NOT NULL,
    "ScreeningSystematicMonitoring" INTEGER NOT NULL,
    "DpiaNeeded" INTEGER NOT NULL,
    "AgreementNeed" TEXT NOT NULL,
    "ReviewerId" TEXT NULL,
    "ReviewerName" TEXT NULL,
    "ReviewedAt" TEXT NULL,
    "SecurityAssessment" TEXT NULL,
    "SecurityCoordinatorId" TEXT NULL,
    "SecurityCoordinatorName" TEXT NULL,
    "SecurityAssessedAt" TEXT NULL,
    "Decision" TEXT NULL,
    "Conditions" TEXT NULL,
    "Reason" TEXT NULL,
    "DecidedById" TEXT NULL,
    "DecidedByName" TEXT NULL,
    "DecidedAt" TEXT NULL,
    "Shared" INTEGER NOT NULL,
    CONSTRAINT "FK_ResourceReviews_LearningResources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES "LearningResources" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ResourceReviews_ResourceRequests_RequestId" FOREIGN KEY ("RequestId") REFERENCES "ResourceRequests" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Purchases" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Purchases" PRIMARY KEY,
    "OrganizerId" TEXT NOT NULL,
    "RequestId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "FrameworkAgreementId" TEXT NULL,
    "Licences" INTEGER NULL,
    "PeriodStart" TEXT NULL,
    "PeriodEnd" TEXT NULL,
    "Cost" TEXT NULL,
    "OrderReference" TEXT NULL,
    "ServiceAgreementReference" TEXT NULL,
    CONSTRAINT "FK_Purchases_FrameworkAgreements_FrameworkAgreementId" FOREIGN KEY ("FrameworkAgreementId") REFERENCES "FrameworkAgreements" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Purchases_ResourceRequests_RequestId" FOREIGN KEY ("RequestId") REFERENCES "ResourceRequests" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ResourceUses" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ResourceUses" PRIMARY KEY,
    "OrganizerId" TEXT NOT NULL,
    "RequestId" TEXT NOT NULL,
    "SchoolUnitId" TEXT NOT NULL,
    "ResourceId" TEXT NOT NULL,
    "RegisteransvarigUserId" TEXT NULL,
    "AdministratorName" TEXT NULL,
    "AdministratorEmail" TEXT NULL,
    "TrainingConfirmedAt" TEXT NULL,
    "InUseSince" TEXT NULL,
    CONSTRAINT "FK_ResourceUses_AspNetUsers_RegisteransvarigUserId" FOREIGN KEY ("RegisteransvarigUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ResourceUses_LearningResources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES "LearningResources" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ResourceUses_OrganisationUnits_SchoolUnitId" FOREIGN KEY ("SchoolUnitId") REFERENCES "OrganisationUnits" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ResourceUses_ResourceRequests_RequestId" FOREIGN KEY ("RequestId") REFERENCES "ResourceRequests" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Notifications" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Notifications" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "OrganizerId" TEXT NOT NULL,
    "MessageKey" TEXT NOT NULL,
    "Argument" TEXT NOT NULL,
    "Link" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ReadAt" TEXT NULL,
    CONSTRAINT "FK_Notifications_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_FrameworkAgreements_OrganizerId" ON "FrameworkAgreements" ("OrganizerId");

CREATE INDEX "IX_LearningResources_Name" ON "LearningResources" ("Name");

CREATE INDEX "IX_LearningResources_SupplierId" ON "LearningResources" ("SupplierId");

CREATE INDEX "IX_Notifications_UserId_ReadAt" ON "Notifications" ("UserId", "ReadAt");

CREATE INDEX "IX_Purchases_FrameworkAgreementId" ON "Purchases" ("FrameworkAgreementId");

CREATE UNIQUE INDEX "IX_Purchases_RequestId" ON "Purchases" ("RequestId");

CREATE INDEX "IX_RequestEvents_RequestId_At" ON "RequestEvents" ("RequestId", "At");

CREATE INDEX "IX_ResourceRequests_OrganizerId_Status_ReviewQueuedAt" ON "ResourceRequests" ("OrganizerId", "Status", "ReviewQueuedAt");

CREATE INDEX "IX_ResourceRequests_RequesterId" ON "ResourceRequests" ("RequesterId");

CREATE INDEX "IX_ResourceRequests_ResourceId" ON "ResourceRequests" ("ResourceId");

CREATE INDEX "IX_ResourceRequests_SchoolUnitId" ON "ResourceRequests" ("SchoolUnitId");

CREATE INDEX "IX_ResourceReviews_RequestId" ON "ResourceReviews" ("RequestId");

CREATE INDEX "IX_ResourceReviews_ResourceId_Shared" ON "ResourceReviews" ("ResourceId", "Shared");

CREATE INDEX "IX_ResourceUses_RegisteransvarigUserId" ON "ResourceUses" ("RegisteransvarigUserId");

CREATE UNIQUE INDEX "IX_ResourceUses_RequestId" ON "ResourceUses" ("RequestId");

CREATE INDEX "IX_ResourceUses_ResourceId" ON "ResourceUses" ("ResourceId");

CREATE INDEX "IX_ResourceUses_SchoolUnitId" ON "ResourceUses" ("SchoolUnitId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122010000_Requests', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "AgreementTemplates" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AgreementTemplates" PRIMARY KEY,
    "Version" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "IsPlaceholder" INTEGER NOT NULL,
    "Sections" TEXT NOT NULL,
    "PublishedAt" TEXT NOT NULL,
    "PublishedById" TEXT NULL,
    "PublishedByName" TEXT NOT NULL
);

CREATE TABLE "SupplierDescriptions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SupplierDescriptions" PRIMARY KEY,
    "SupplierId" TEXT NOT NULL,
    "ResourceId" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "PublishedAt" TEXT NULL,
    "PublishedById" TEXT NULL,
    "PublishedByName" TEXT NULL,
    "SubjectMatter" TEXT NOT NULL,
    "Nature" TEXT NOT NULL,
    "Purposes" TEXT NOT NULL,
    "DataSubjects" TEXT NOT NULL,
    "PersonalData" TEXT NOT NULL,
    "ProcessingOperations" TEXT NOT NULL,
    "Retention" TEXT NOT NULL,
    "Deletion" TEXT NOT NULL,
    "Locations" TEXT NOT NULL,
    "Transfers" TEXT NOT NULL,
    "SecurityMeasures" TEXT NOT NULL,
    "Logging" TEXT NOT NULL,
    "LogAccess" TEXT NOT NULL,
    "AgreementContactName" TEXT NOT NULL,
    "AgreementContactEmail" TEXT NOT NULL,
    "AgreementContactPhone" TEXT NULL,
    "DataProtectionContactName" TEXT NOT NULL,
    "DataProtectionContactEmail" TEXT NOT NULL,
    "DataProtectionContactPhone" TEXT NULL,
    "SubProcessors" TEXT NOT NULL,
    "HasSensitiveData" INTEGER NOT NULL,
    "HasPersonalIdentityNumbers" INTEGER NOT NULL,
    "HasThirdCountryTransfer" INTEGER NOT NULL,
    CONSTRAINT "FK_SupplierDescriptions_LearningResources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES "LearningResources" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_SupplierDescriptions_Suppliers_SupplierId" FOREIGN KEY ("SupplierId") REFERENCES "Suppliers" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Agreements" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Agreements" PRIMARY KEY,
    "OrganizerId" TEXT NOT NULL,
    "SupplierId" TEXT NOT NULL,
    "ResourceId" TEXT NOT NULL,
    "TemplateId" TEXT NOT NULL,
    "TemplateVersion" INTEGER NOT NULL,
    "DescriptionId" TEXT NULL,
    "DescriptionVersion" INTEGER NULL,
    "Status" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "ControllerName" TEXT NOT NULL,
    "AgreementContactName" TEXT NOT NULL,
    "AgreementContactEmail" TEXT NOT NULL,
    "AgreementContactPhone" TEXT NULL,
    "DataProtectionContactName" TEXT NOT NULL,
    "DataProtectionContactEmail" TEXT NOT NULL,
    "DataProtectionContactPhone" TEXT NULL,
    "RegistryNumber" TEXT NULL,
    "ReviewerId" TEXT NULL,
    "ReviewerName" TEXT NULL,
    "ReviewedAt" TEXT NULL,
    "ReviewNotes" TEXT NULL,
    "SecurityCoordinatorId" TEXT NULL,
    "SecurityCoordinatorName" TEXT NULL,
    "SecurityReviewedAt" TEXT NULL,
    "SecurityNotes" TEXT NULL,
    "SignedAt" TEXT NULL,
    "SignedDocumentSha256" TEXT NULL,
    "InForceFrom" TEXT NULL,
    "ReviewDate" TEXT NULL,
    "EndDate" TEXT NULL,
    "TerminatedOn" TEXT NULL,
    "Disposition" TEXT NULL,
    "DispositionConfirmation" TEXT NULL,
    "ExpiredAt" TEXT NULL,
    "PendingDescriptionId" TEXT NULL,
    "PendingDescriptionVersion" INTEGER NULL,
    "VersionChangeNotifiedAt" TEXT NULL,
    "ObjectionDeadline" TEXT NULL,
    "ObjectionReason" TEXT NULL,
    "ObjectedAt" TEXT NULL,
    "ObjectedByName" TEXT NULL,
    CONSTRAINT "FK_Agreements_AgreementTemplates_TemplateId" FOREIGN KEY ("TemplateId") REFERENCES "AgreementTemplates" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Agreements_LearningResources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES "LearningResources" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Agreements_Organizers_OrganizerId" FOREIGN KEY ("OrganizerId") REFERENCES "Organizers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Agreements_SupplierDescriptions_DescriptionId" FOREIGN KEY ("DescriptionId") REFERENCES "SupplierDescriptions" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Agreements_SupplierDescriptions_PendingDescriptionId" FOREIGN KEY ("PendingDescriptionId") REFERENCES "SupplierDescriptions" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Agreements_Suppliers_SupplierId" FOREIGN KEY ("SupplierId") REFERENCES "Suppliers" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AgreementEvents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AgreementEvents" PRIMARY KEY,
    "OrganizerId" TEXT NOT NULL,
    "AgreementId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "ActorUserId" TEXT NULL,
    "ActorName" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "Comment" TEXT NULL,
    "DescriptionVersion" INTEGER NULL,
    CONSTRAINT "FK_AgreementEvents_Agreements_AgreementId" FOREIGN KEY ("AgreementId") REFERENCES "Agreements" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AgreementSignatories" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AgreementSignatories" PRIMARY KEY,
    "OrganizerId" TEXT NOT NULL,
    "AgreementId" TEXT NOT NULL,
    "Party" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "SignedOn" TEXT NOT NULL,
    CONSTRAINT "FK_AgreementSignatories_Agreements_AgreementId" FOREIGN KEY ("AgreementId") REFERENCES "Agreements" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AgreementDeviations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AgreementDeviations" PRIMARY KEY,
    "OrganizerId" TEXT NOT NULL,
    "AgreementId" TEXT NOT NULL,
    "Field" TEXT NOT NULL,
    "SupplierValue" TEXT NULL,
    "OrganizerValue" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "RecordedByName" TEXT NOT NULL,
    "RecordedAt" TEXT NOT NULL,
    CONSTRAINT "FK_AgreementDeviations_Agreements_AgreementId" FOREIGN KEY ("AgreementId") REFERENCES "Agreements" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SignedAgreementDocuments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SignedAgreementDocuments" PRIMARY KEY,
    "OrganizerId" TEXT NOT NULL,
    "AgreementId" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "Content" BLOB NOT NULL,
    "Size" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "UploadedAt" TEXT NOT NULL,
    CONSTRAINT "FK_SignedAgreementDocuments_Agreements_AgreementId" FOREIGN KEY ("AgreementId") REFERENCES "Agreements" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_AgreementDeviations_AgreementId_Field" ON "AgreementDeviations" ("AgreementId", "Field");

CREATE INDEX "IX_AgreementEvents_AgreementId_At" ON "AgreementEvents" ("AgreementId", "At");

CREATE INDEX "IX_Agreements_DescriptionId" ON "Agreements" ("DescriptionId");

CREATE INDEX "IX_Agreements_OrganizerId_Status" ON "Agreements" ("OrganizerId", "Status");

CREATE INDEX "IX_Agreements_PendingDescriptionId" ON "Agreements" ("PendingDescriptionId");

CREATE INDEX "IX_Agreements_ResourceId_Status_DescriptionVersion" ON "Agreements" ("ResourceId", "Status", "DescriptionVersion");

CREATE INDEX "IX_Agreements_Status_EndDate" ON "Agreements" ("Status", "EndDate");

CREATE INDEX "IX_Agreements_Status_ReviewDate" ON "Agreements" ("Status", "ReviewDate");

CREATE INDEX "IX_Agreements_SupplierId" ON "Agreements" ("SupplierId");

CREATE INDEX "IX_Agreements_TemplateId" ON "Agreements" ("TemplateId");

CREATE INDEX "IX_AgreementSignatories_AgreementId" ON "AgreementSignatories" ("AgreementId");

CREATE UNIQUE INDEX "IX_AgreementTemplates_Version" ON "AgreementTemplates" ("Version");

CREATE UNIQUE INDEX "IX_SignedAgreementDocuments_AgreementId" ON "SignedAgreementDocuments" ("AgreementId");

CREATE UNIQUE INDEX "IX_SupplierDescriptions_ResourceId_SupplierId_Version" ON "SupplierDescriptions" ("ResourceId", "SupplierId", "Version");

CREATE INDEX "IX_SupplierDescriptions_SupplierId" ON "SupplierDescriptions" ("SupplierId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122020000_Agreements', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "PublicListSettings" (
    "OrganizerId" TEXT NOT NULL CONSTRAINT "PK_PublicListSettings" PRIMARY KEY,
    "Fields" TEXT NOT NULL,
    "ShowNotApproved" INTEGER NOT NULL,
    "Intro" TEXT NULL,
    CONSTRAINT "FK_PublicListSettings_Organizers_OrganizerId" FOREIGN KEY ("OrganizerId") REFERENCES "Organizers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ResourceGuidance" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ResourceGuidance" PRIMARY KEY,
    "OrganizerId" TEXT NOT NULL,
    "ResourceId" TEXT NOT NULL,
    "HowToStart" TEXT NULL,
    "Guidelines" TEXT NULL,
    "Links" TEXT NULL,
    CONSTRAINT "FK_ResourceGuidance_Organizers_OrganizerId" FOREIGN KEY ("OrganizerId") REFERENCES "Organizers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ResourceGuidance_LearningResources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES "LearningResources" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_ResourceGuidance_OrganizerId_ResourceId" ON "ResourceGuidance" ("OrganizerId", "ResourceId");

CREATE INDEX "IX_ResourceGuidance_ResourceId" ON "ResourceGuidance" ("ResourceId");

CREATE INDEX "IX_ResourceReviews_OrganizerId_ResourceId_DecidedAt" ON "ResourceReviews" ("OrganizerId", "ResourceId", "DecidedAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122030000_PublicList', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "ResourceUses" ADD "EndedOn" TEXT NULL;

ALTER TABLE "ResourceUses" ADD "SupplierDataRemoved" INTEGER NULL;

ALTER TABLE "ResourceUses" ADD "EndNote" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122040000_Register', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "RightsRequests" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_RightsRequests" PRIMARY KEY,
    "OrganizerId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "CaseReference" TEXT NOT NULL,
    "ReceivedOn" TEXT NOT NULL,
    "Deadline" TEXT NOT NULL,
    "CreatedByUserId" TEXT NOT NULL,
    "CreatedByName" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ClosedAt" TEXT NULL,
    CONSTRAINT "FK_RightsRequests_Organizers_OrganizerId" FOREIGN KEY ("OrganizerId") REFERENCES "Organizers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RightsRequests_AspNetUsers_CreatedByUserId" FOREIGN KEY ("CreatedByUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "RightsRequestUnits" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_RightsRequestUnits" PRIMARY KEY,
    "OrganizerId" TEXT NOT NULL,
    "RightsRequestId" TEXT NOT NULL,
    "SchoolUnitId" TEXT NOT NULL,
    CONSTRAINT "FK_RightsRequestUnits_RightsRequests_RightsRequestId" FOREIGN KEY ("RightsRequestId") REFERENCES "RightsRequests" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_RightsRequestUnits_OrganisationUnits_SchoolUnitId" FOREIGN KEY ("SchoolUnitId") REFERENCES "OrganisationUnits" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "RightsTasks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_RightsTasks" PRIMARY KEY,
    "OrganizerId" TEXT NOT NULL,
    "RightsRequestId" TEXT NOT NULL,
    "ResourceRequestId" TEXT NOT NULL,
    "SchoolUnitId" TEXT NOT NULL,
    "ResourceId" TEXT NOT NULL,
    "AdministratorName" TEXT NOT NULL,
    "AdministratorEmail" TEXT NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Answer" TEXT NULL,
    "AnsweredBy" TEXT NULL,
    "AnsweredAt" TEXT NULL,
    "RemindedAt" TEXT NULL,
    CONSTRAINT "FK_RightsTasks_RightsRequests_RightsRequestId" FOREIGN KEY ("RightsRequestId") REFERENCES "RightsRequests" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_RightsTasks_ResourceRequests_ResourceRequestId" FOREIGN KEY ("ResourceRequestId") REFERENCES "ResourceRequests" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RightsTasks_OrganisationUnits_SchoolUnitId" FOREIGN KEY ("SchoolUnitId") REFERENCES "OrganisationUnits" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RightsTasks_LearningResources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES "LearningResources" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_RightsRequests_CreatedByUserId" ON "RightsRequests" ("CreatedByUserId");

CREATE INDEX "IX_RightsRequests_OrganizerId_ClosedAt" ON "RightsRequests" ("OrganizerId", "ClosedAt");

CREATE UNIQUE INDEX "IX_RightsRequestUnits_RightsRequestId_SchoolUnitId" ON "RightsRequestUnits" ("RightsRequestId", "SchoolUnitId");

CREATE INDEX "IX_RightsRequestUnits_SchoolUnitId" ON "RightsRequestUnits" ("SchoolUnitId");

CREATE UNIQUE INDEX "IX_RightsTasks_TokenHash" ON "RightsTasks" ("TokenHash");

CREATE INDEX "IX_RightsTasks_Status_RightsRequestId" ON "RightsTasks" ("Status", "RightsRequestId");

CREATE INDEX "IX_RightsTasks_RightsRequestId" ON "RightsTasks" ("RightsRequestId");

CREATE INDEX "IX_RightsTasks_ResourceRequestId" ON "RightsTasks" ("ResourceRequestId");

CREATE INDEX "IX_RightsTasks_SchoolUnitId" ON "RightsTasks" ("SchoolUnitId");

CREATE INDEX "IX_RightsTasks_ResourceId" ON "RightsTasks" ("ResourceId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122050000_Privacy', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Agreements" ADD "SharedWithOtherOrganizers" INTEGER NOT NULL DEFAULT 0;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261122060000_AgreementSharing', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "OrganizerInvitations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_OrganizerInvitations" PRIMARY KEY,
    "OrganizerId" TEXT NOT NULL,
    "Role" TEXT NULL,
    "OrganisationUnitId" TEXT NULL,
    "Email" TEXT NOT NULL,
    "DisplayName" TEXT NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "InvitedByUserId" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    "AcceptedAt" TEXT NULL,
    "UserId" TEXT NULL,
    CONSTRAINT "FK_OrganizerInvitations_Organizers_OrganizerId" FOREIGN KEY ("OrganizerId") REFERENCES "Organizers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_OrganizerInvitations_OrganisationUnits_OrganisationUnitId" FOREIGN KEY ("OrganisationUnitId") REFERENCES "OrganisationUnits" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_OrganizerInvitations_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

INSERT INTO "OrganizerInvitations" ("Id", "OrganizerId", "Email", "DisplayName", "TokenHash", "InvitedByUserId", "CreatedAt", "ExpiresAt", "AcceptedAt", "UserId")
SELECT "Id", "OrganizerId", "Email", '', "TokenHash", "InvitedByUserId", "CreatedAt", "ExpiresAt", "AcceptedAt", "UserId" FROM "Invitations";

DROP TABLE "Invitations";

CREATE INDEX "IX_OrganizerInvitations_OrganizerId" ON "OrganizerInvitations" ("OrganizerId");

CREATE INDEX "IX_OrganizerInvitations_OrganisationUnitId" ON "OrganizerInvitations" ("OrganisationUnitId");

CREATE UNIQUE INDEX "IX_OrganizerInvitations_TokenHash" ON "OrganizerInvitations" ("TokenHash");

CREATE INDEX "IX_OrganizerInvitations_UserId" ON "OrganizerInvitations" ("UserId");

CREATE TABLE "SupplierInvitations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SupplierInvitations" PRIMARY KEY,
    "SupplierId" TEXT NOT NULL,
    "IsAdmin" INTEGER NOT NULL,
    "Email" TEXT NOT NULL,
    "DisplayName" TEXT NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "InvitedByUserId" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    "AcceptedAt" TEXT NULL,
    "UserId" TEXT NULL,
    CONSTRAINT "FK_SupplierInvitations_Suppliers_SupplierId" FOREIGN KEY ("SupplierId") REFERENCES "Suppliers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_SupplierInvitations_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_SupplierInvitations_SupplierId" ON "SupplierInvitations" ("SupplierId");

CREATE UNIQUE INDEX "IX_SupplierInvitations_TokenHash" ON "SupplierInvitations" ("TokenHash");

CREATE INDEX "IX_SupplierInvitations_UserId" ON "SupplierInvitations" ("UserId");

ALTER TABLE "AspNetUsers" ADD "IsSupplierAdmin" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "AspNetUsers" ADD "LastOrganizerId" TEXT NULL;

ALTER TABLE "Agreements" ADD "ObjectionReasonShared" INTEGER NOT NULL DEFAULT 0;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201000000_InvitationsByConsent', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "LearningResources" ADD "CreatedByOrganizerId" TEXT NULL;

CREATE TABLE "ResourceChangeProposals" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ResourceChangeProposals" PRIMARY KEY,
    "ResourceId" TEXT NOT NULL,
    "ProposedByOrganizerId" TEXT NOT NULL,
    "ProposedByUserId" TEXT NOT NULL,
    "ProposedByName" TEXT NOT NULL,
    "ProposedAt" TEXT NOT NULL,
    "BaseFacts" TEXT NOT NULL,
    "ProposedFacts" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "DecidedAt" TEXT NULL,
    "DecidedByName" TEXT NULL,
    CONSTRAINT "FK_ResourceChangeProposals_LearningResources_ResourceId" FOREIGN KEY ("ResourceId") REFERENCES "LearningResources" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ResourceChangeProposals_ResourceId" ON "ResourceChangeProposals" ("ResourceId");

ALTER TABLE "RightsTasks" ADD "LinkIssuedAt" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201020000_Hardening', '10.0.15');

COMMIT;

