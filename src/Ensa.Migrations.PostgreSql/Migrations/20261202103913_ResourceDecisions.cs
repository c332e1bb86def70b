using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ensa.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ResourceDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "StandingDecisionId",
                table: "ResourceRequests",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ResourceDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReviewId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    Decision = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Conditions = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AgreementNeed = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DecidedById = table.Column<Guid>(type: "uuid", nullable: false),
                    DecidedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SupersededAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResourceDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResourceDecisions_LearningResources_ResourceId",
                        column: x => x.ResourceId,
                        principalTable: "LearningResources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ResourceDecisions_ResourceReviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "ResourceReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Each decided review becomes an organizer decision on its resource; all but the latest per organizer and
            // resource are superseded by the next one (ties broken by id), so exactly one is current.
            migrationBuilder.Sql("""
                INSERT INTO "ResourceDecisions" ("Id", "OrganizerId", "ResourceId", "ReviewId", "RequestId", "Decision", "Conditions",
                    "Reason", "AgreementNeed", "DecidedById", "DecidedByName", "DecidedAt", "SupersededAt")
                SELECT r."Id", r."OrganizerId", r."ResourceId", r."Id", r."RequestId", r."Decision", r."Conditions", r."Reason",
                    r."AgreementNeed", r."DecidedById", COALESCE(r."DecidedByName", ''), r."DecidedAt",
                    (SELECT MIN(o."DecidedAt") FROM "ResourceReviews" o
                     WHERE o."OrganizerId" = r."OrganizerId" AND o."ResourceId" = r."ResourceId" AND o."DecidedAt" IS NOT NULL
                       AND o."Decision" IS NOT NULL AND o."DecidedById" IS NOT NULL
                       AND (o."DecidedAt" > r."DecidedAt" OR (o."DecidedAt" = r."DecidedAt" AND o."Id" > r."Id")))
                FROM "ResourceReviews" r
                WHERE r."DecidedAt" IS NOT NULL AND r."ResourceId" IS NOT NULL AND r."Decision" IS NOT NULL AND r."DecidedById" IS NOT NULL;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_ResourceDecisions_OrganizerId_ResourceId",
                table: "ResourceDecisions",
                columns: new[] { "OrganizerId", "ResourceId" },
                unique: true,
                filter: "\"SupersededAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ResourceDecisions_OrganizerId_ResourceId_DecidedAt",
                table: "ResourceDecisions",
                columns: new[] { "OrganizerId", "ResourceId", "DecidedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ResourceDecisions_ResourceId_SupersededAt",
                table: "ResourceDecisions",
                columns: new[] { "ResourceId", "SupersededAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ResourceDecisions_ReviewId",
                table: "ResourceDecisions",
                column: "ReviewId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ResourceDecisions");

            migrationBuilder.DropColumn(
                name: "StandingDecisionId",
                table: "ResourceRequests");
        }
    }
}
