package dev.hpo.cli.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Draws the comparison plots as PNG files with JFreeChart. */
public final class Charts {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 520;
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c)};

    /** A point (x, y) of a named series. */
    public record Point(double x, double y) {
    }

    /** One method's data: its label and its points. */
    public record Series(String label, List<Point> points) {
    }

    private Charts() {
    }

    /** Step lines of the best objective so far, one per method. */
    public static void convergence(Path file, String title, String xLabel, String yLabel, List<Series> series)
            throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Series s : series) {
            XYSeries xy = new XYSeries(s.label(), false, true);
            s.points().forEach(p -> xy.add(p.x(), p.y()));
            data.addSeries(xy);
        }
        JFreeChart chart = ChartFactory.createXYStepChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL,
                true, false, false);
        // The factory puts a date axis on x; trials and seconds are plain numbers, and the interesting range
        // of y is near the best values, not down to zero.
        chart.getXYPlot().setDomainAxis(new NumberAxis(xLabel));
        NumberAxis y = (NumberAxis) chart.getXYPlot().getRangeAxis();
        y.setAutoRangeIncludesZero(false);
        y.setStandardTickUnits(NumberAxis.createStandardTickUnits());
        XYPlot plot = chart.getXYPlot();
        background(plot);
        for (int i = 0; i < series.size(); i++) {
            plot.getRenderer().setSeriesPaint(i, COLORS[i % COLORS.length]);
            plot.getRenderer().setSeriesStroke(i, new BasicStroke(2.5f));
        }
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }

    /**
     * Recall against precision of every trial, and each method's Pareto front (the trials that no other trial
     * of the same method beats on both).
     */
    public static void recallPrecision(Path file, List<Series> trials) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Series s : trials) {
            XYSeries xy = new XYSeries(s.label() + " trials", false, true);
            s.points().forEach(p -> xy.add(p.x(), p.y()));
            data.addSeries(xy);
        }
        for (Series s : trials) {
            XYSeries front = new XYSeries(s.label() + " Pareto front", false, true);
            paretoFront(s.points()).forEach(p -> front.add(p.x(), p.y()));
            data.addSeries(front);
        }
        JFreeChart chart = ChartFactory.createScatterPlot("Recall against precision, every trial", "val_precision",
                "val_recall", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        int n = trials.size();
        for (int i = 0; i < n; i++) {
            r.setSeriesLinesVisible(i, false);
            r.setSeriesPaint(i, COLORS[i % COLORS.length]);
            r.setSeriesLinesVisible(n + i, true);
            r.setSeriesShapesVisible(n + i, false);
            r.setSeriesPaint(n + i, COLORS[i % COLORS.length]);
            r.setSeriesStroke(n + i, new BasicStroke(2f));
        }
        plot.setRenderer(r);
        background(plot);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }

    /** Box plots of the objective over the completed trials of each method. */
    public static void distribution(Path file, String metric, List<Series> values) throws IOException {
        DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
        for (Series s : values) {
            data.add(s.points().stream().map(Point::y).toList(), metric, s.label());
        }
        JFreeChart chart = ChartFactory.createBoxAndWhiskerChart("Distribution of " + metric + " per method",
                "method", metric, data, false);
        chart.getCategoryPlot().setBackgroundPaint(Color.WHITE);
        chart.getCategoryPlot().setRangeGridlinePaint(Color.LIGHT_GRAY);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
    }

    /** The points not dominated by another (higher or equal on both axes, higher on one), by increasing x. */
    static List<Point> paretoFront(List<Point> points) {
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(Point::x).reversed().thenComparing(Comparator.comparingDouble(Point::y).reversed()));
        List<Point> front = new ArrayList<>();
        double bestY = Double.NEGATIVE_INFINITY;
        for (Point p : sorted) {
            if (p.y() > bestY) {
                front.add(p);
                bestY = p.y();
            }
        }
        front.sort(Comparator.comparingDouble(Point::x));
        return front;
    }

    private static void background(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    }
}
