package dev.hpo.cli.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * One study's progress line: trials done of total, best objective so far, elapsed time and an estimate of the
 * time left. On a terminal it redraws in place; otherwise it prints a line whenever the numbers change.
 */
public final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String label;
    private final boolean terminal;
    private String last = "";

    public ProgressBar(PrintStream out, String label, boolean terminal) {
        this.out = out;
        this.label = label;
        this.terminal = terminal;
    }

    /** Draws the bar; {@code best} may be null before the first completed trial. */
    public void update(int done, int total, int running, String metric, Double best, Duration elapsed) {
        String line = render(label, done, total, running, metric, best, elapsed);
        // A terminal redraws every second (the clock moves); a log gets a line only when the counts change.
        String key = terminal ? line : done + "/" + total + "/" + running + "/" + best;
        if (key.equals(last)) {
            return;
        }
        last = key;
        if (terminal) {
            out.print("\r" + line);
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Ends the bar's line on a terminal. */
    public void finish() {
        if (terminal) {
            out.println();
        }
    }

    static String render(String label, int done, int total, int running, String metric, Double best,
                         Duration elapsed) {
        int filled = total == 0 ? 0 : (int) Math.round(WIDTH * (double) done / total);
        String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
        String bestText = best == null ? "-" : String.format(Locale.ROOT, "%.4f", best);
        String eta = done == 0 || done >= total ? "-"
                : clock(elapsed.multipliedBy(total - done).dividedBy(done));
        return String.format(Locale.ROOT, "%-22s [%s] %3d/%-3d running %d  best %s %s  elapsed %s  eta %s",
                label, bar, done, total, running, metric, bestText, clock(elapsed), eta);
    }

    static String clock(Duration d) {
        long s = d.toSeconds();
        return String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }
}
