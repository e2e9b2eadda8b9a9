package dev.basin.analysis.rank;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG plots with XChart (headless). Non-positive values are left off logarithmic axes. */
final class RankPlots {

    private RankPlots() {}

    /** Named series of (x, y) points. */
    static final class Series {
        final Map<String, List<double[]>> points = new LinkedHashMap<>();

        void add(String name, double x, double y) {
            points.computeIfAbsent(name, k -> new ArrayList<>()).add(new double[] {x, y});
        }
    }

    static void save(Path file, String title, String xTitle, String yTitle, Series s, boolean logX, boolean logY, boolean lines) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(900).height(560).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setDefaultSeriesRenderStyle(lines ? XYSeries.XYSeriesRenderStyle.Line : XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(6);
        boolean any = false;
        for (var e : s.points.entrySet()) {
            List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
            for (double[] p : e.getValue()) {
                if (!Double.isFinite(p[0]) || !Double.isFinite(p[1])) continue;
                if ((logX && p[0] <= 0) || (logY && p[1] <= 0)) continue;
                xs.add(p[0]);
                ys.add(p[1]);
            }
            if (xs.isEmpty()) continue;
            chart.addSeries(e.getKey(), xs, ys).setMarker(SeriesMarkers.CIRCLE);
            any = true;
        }
        if (!any) chart.addSeries("(no positive values)", new double[] {1}, new double[] {1});
        try {
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plot " + file + ": " + e.getMessage(), e);
        }
    }
}
