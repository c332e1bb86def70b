using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ensa.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SigningInEnsa : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DocumentSha256",
                table: "AgreementSignatories",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Method",
                table: "AgreementSignatories",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Organisation",
                table: "AgreementSignatories",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SignedAt",
                table: "AgreementSignatories",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "UserId",
                table: "AgreementSignatories",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AgreementSigningDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Html = table.Column<string>(type: "TEXT", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementSigningDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementSigningDocuments_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementSigningDocuments_AgreementId",
                table: "AgreementSigningDocuments",
                column: "AgreementId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgreementSigningDocuments");

            migrationBuilder.DropColumn(
                name: "DocumentSha256",
                table: "AgreementSignatories");

            migrationBuilder.DropColumn(
                name: "Method",
                table: "AgreementSignatories");

            migrationBuilder.DropColumn(
                name: "Organisation",
                table: "AgreementSignatories");

            migrationBuilder.DropColumn(
                name: "SignedAt",
                table: "AgreementSignatories");

            migrationBuilder.DropColumn(
                name: "UserId",
                table: "AgreementSignatories");
        }
    }
}
