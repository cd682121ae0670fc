using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reconhece.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportFilesStoredAsIs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A PDF is compressed already: PostgreSQL's own compression (pglz) tried every stored file and gave
            // up, about 1 ms of CPU per file in the weekly run (docs/benchmarks.md). EXTERNAL stores it as is.
            migrationBuilder.Sql("ALTER TABLE report_files ALTER COLUMN content SET STORAGE EXTERNAL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE report_files ALTER COLUMN content SET STORAGE EXTENDED");
        }
    }
}
