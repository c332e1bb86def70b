using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ensa.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Offers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "LeftOfferAt",
                table: "Agreements",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "StandingOfferId",
                table: "Agreements",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "StandingOffers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SupplierId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResourceId = table.Column<Guid>(type: "uuid", nullable: false),
                    TemplateId = table.Column<Guid>(type: "uuid", nullable: false),
                    TemplateVersion = table.Column<int>(type: "integer", nullable: false),
                    DescriptionId = table.Column<Guid>(type: "uuid", nullable: false),
                    DescriptionVersion = table.Column<int>(type: "integer", nullable: false),
                    NamedOrganizerIds = table.Column<string>(type: "text", nullable: false),
                    Html = table.Column<string>(type: "text", nullable: false),
                    DocumentSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SignedById = table.Column<Guid>(type: "uuid", nullable: false),
                    SignedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SignedByTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Organisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Method = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WithdrawnAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WithdrawnByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    SupersededAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SupersededById = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StandingOffers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StandingOffers_AgreementTemplates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "AgreementTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StandingOffers_LearningResources_ResourceId",
                        column: x => x.ResourceId,
                        principalTable: "LearningResources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StandingOffers_SupplierDescriptions_DescriptionId",
                        column: x => x.DescriptionId,
                        principalTable: "SupplierDescriptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StandingOffers_Suppliers_SupplierId",
                        column: x => x.SupplierId,
                        principalTable: "Suppliers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_StandingOfferId_OrganizerId",
                table: "Agreements",
                columns: new[] { "StandingOfferId", "OrganizerId" });

            migrationBuilder.CreateIndex(
                name: "IX_StandingOffers_DescriptionId",
                table: "StandingOffers",
                column: "DescriptionId");

            migrationBuilder.CreateIndex(
                name: "IX_StandingOffers_ResourceId",
                table: "StandingOffers",
                column: "ResourceId");

            migrationBuilder.CreateIndex(
                name: "IX_StandingOffers_SupplierId_ResourceId_SignedAt",
                table: "StandingOffers",
                columns: new[] { "SupplierId", "ResourceId", "SignedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_StandingOffers_TemplateId",
                table: "StandingOffers",
                column: "TemplateId");

            migrationBuilder.AddForeignKey(
                name: "FK_Agreements_StandingOffers_StandingOfferId",
                table: "Agreements",
                column: "StandingOfferId",
                principalTable: "StandingOffers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Agreements_StandingOffers_StandingOfferId",
                table: "Agreements");

            migrationBuilder.DropTable(
                name: "StandingOffers");

            migrationBuilder.DropIndex(
                name: "IX_Agreements_StandingOfferId_OrganizerId",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "LeftOfferAt",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "StandingOfferId",
                table: "Agreements");
        }
    }
}
