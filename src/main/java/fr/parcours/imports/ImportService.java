package fr.parcours.imports;

import fr.parcours.auth.Organiser;
import fr.parcours.error.AppException;
import fr.parcours.error.FieldError;
import fr.parcours.fair.Fair;
import fr.parcours.fair.FairRole;
import fr.parcours.fair.FairService;
import fr.parcours.fair.resource.ResourceService;
import fr.parcours.web.JsonInput;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Rooms and stand spots in bulk: a table (a CSV file, or the rows of a page's form) is planned
 * against the fair and shown, or applied all or nothing in one transaction of the fair, each
 * row through the same reader and rules as the API's single writes.
 */
public final class ImportService {

  /** Data lines a file may hold (besides its header); the body itself is bounded at 1 MiB by the router. */
  public static final int MAX_LINES = 10_000;

  private final FairService fairs;
  private final ResourceService resources;

  public ImportService(FairService fairs, ResourceService resources) {
    this.fairs = fairs;
    this.resources = resources;
  }

  /** Plans a CSV file for an editor of the fair, and applies it when asked. */
  public Future<ImportPlan> importCsv(String fairSlug, Organiser editor, ImportKind kind, byte[] csv, boolean apply) {
    return fairs.require(fairSlug, editor, FairRole.EDITOR).compose(fair -> {
      CsvTable table;
      try {
        table = CsvTable.parse(csv, MAX_LINES);
      } catch (CsvTable.Unreadable unreadable) {
        return Future.failedFuture(AppException.invalid("file", "CSV_" + unreadable.failure().name(),
            Map.of("max", MAX_LINES)));
      }
      return importTable(fair, kind, table, apply);
    });
  }

  /** Plans a table (already read) for the fair, and applies it when asked: a plan with errors is never applied. */
  public Future<ImportPlan> importTable(Fair fair, ImportKind kind, CsvTable table, boolean apply) {
    return resources.programme(fair).compose(programme -> {
      ImportPlan plan = checked(kind, ImportPlan.of(kind, table, programme));
      if (!apply) {
        return Future.succeededFuture(plan);
      }
      if (!plan.valid()) {
        return Future.failedFuture(refusal(plan.errors()));
      }
      return resources.inFairTransaction(fair, conn -> write(conn, fair, kind, plan)).map(plan);
    });
  }

  /** The plan with each row's fields judged as the API would judge them. */
  private ImportPlan checked(ImportKind kind, ImportPlan plan) {
    List<ImportPlan.LineError> errors = new ArrayList<>(plan.errors());
    List<ImportPlan.Row> rows = new ArrayList<>();
    for (ImportPlan.Row row : plan.rows()) {
      List<FieldError> problems = resources.problems(kind.spec(), row.body(), row.creating());
      problems.forEach(problem -> errors.add(new ImportPlan.LineError(row.line(), problem)));
      if (problems.isEmpty()) {
        rows.add(row);
      }
    }
    errors.sort(Comparator.comparingInt(ImportPlan.LineError::line));
    return new ImportPlan(rows, errors, plan.ignoredColumns());
  }

  private Future<Void> write(SqlConnection conn, Fair fair, ImportKind kind, ImportPlan plan) {
    Future<Void> chain = Future.succeededFuture();
    for (ImportPlan.Row row : plan.rows()) {
      chain = chain.compose(done -> (row.creating()
              ? resources.create(conn, fair, kind.spec(), JsonInput.of(row.body().copy()))
              : resources.update(conn, fair, kind.spec(), row.key(), JsonInput.of(row.body().copy())))
          .<Void>mapEmpty()
          .recover(error -> Future.failedFuture(error instanceof AppException refused
              ? refusal(lineErrors(kind, row.line(), refused))
              : error)));
    }
    return chain;
  }

  /** A rule's refusal of one row, as that line's problems (one about the row's key when it names no field). */
  private static List<ImportPlan.LineError> lineErrors(ImportKind kind, int line, AppException refused) {
    List<FieldError> details = refused.details().isEmpty()
        ? List.of(new FieldError(kind.key(), refused.code(), refused.params()))
        : refused.details();
    return details.stream().map(detail -> new ImportPlan.LineError(line, detail)).toList();
  }

  /** A 422 naming each problem by its line: {@code lines[7].capacity}. */
  private static AppException refusal(List<ImportPlan.LineError> errors) {
    return AppException.unprocessable("IMPORT_REFUSED", Map.of("count", errors.size()), errors.stream()
        .map(e -> new FieldError("lines[" + e.line() + "]." + e.error().field(), e.error().code(), e.error().params()))
        .toList());
  }
}
