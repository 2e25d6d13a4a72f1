package dev.sqsredrive.matrix;

import java.util.List;

/** The matrix as Markdown: one row per case, then the totals, the row the issue asks for. */
final class MatrixTable {

    private MatrixTable() {
    }

    static String totals(List<MatrixRow> rows) {
        return "| cases | faults injected | moved | lost | duplicates | extra copies | duplicates reported | failed cases |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|\n"
                + "| " + rows.size() + " | " + rows.stream().mapToInt(MatrixRow::faults).sum()
                + " | " + rows.stream().mapToInt(MatrixRow::moved).sum()
                + " | " + rows.stream().mapToInt(MatrixRow::lost).sum()
                + " | " + rows.stream().mapToInt(MatrixRow::duplicates).sum()
                + " | " + rows.stream().mapToInt(MatrixRow::copies).sum()
                + " | " + rows.stream().mapToLong(MatrixRow::reported).sum()
                + " | " + rows.stream().filter(r -> !r.passed()).count() + " |\n";
    }

    static String cases(List<MatrixRow> rows) {
        StringBuilder b = new StringBuilder("| # | queue | mode | fault | faults | moved | lost | duplicates"
                + " | copies | reported | exits | result |\n|---:|---|---|---|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (MatrixRow r : rows) {
            MatrixCase c = r.c();
            b.append("| ").append(c.id()).append(" | ").append(c.queueType()).append(" | ").append(c.mode())
                    .append(" | ").append(c.describe()).append(" | ").append(r.faults()).append(" | ")
                    .append(r.moved()).append('/').append(r.messages()).append(" | ").append(r.lost()).append(" | ")
                    .append(r.duplicates()).append(" | ").append(r.copies()).append(" | ").append(r.reported()).append(" | ").append(r.exits())
                    .append(" | ").append(r.passed() ? "ok" : String.join("; ", r.problems())).append(" |\n");
        }
        return b.toString();
    }
}
