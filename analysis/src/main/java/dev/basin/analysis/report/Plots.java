package dev.basin.analysis.report;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.Histogram;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The report's PNG plots, drawn headless with XChart. */
public final class Plots {

    private Plots() {}

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** Scatter of y against x with the line a + b·x over the x range. */
    public static void scatterWithFit(Path file, String title, String xLabel, String yLabel, double[] x, double[] y,
                                      double a, double b, String curveName, double[] curveX, double[] curveY) throws IOException {
        XYChart c = new XYChartBuilder().width(900).height(600).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        c.getStyler().setMarkerSize(3);
        XYSeries pts = c.addSeries("rows", x, y);
        pts.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : x) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        XYSeries fit = c.addSeries(String.format("fit: %.2f + %.2f·x", a, b), new double[] {lo, hi}, new double[] {a + b * lo, a + b * hi});
        fit.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        fit.setMarker(SeriesMarkers.NONE);
        if (curveName != null) {
            XYSeries cv = c.addSeries(curveName, curveX, curveY);
            cv.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            cv.setMarker(SeriesMarkers.NONE);
        }
        BitmapEncoder.saveBitmap(c, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /** Predicted against actual for several models, with the identity line. */
    public static void predictedVsActual(Path file, String title, double[] actual, List<String> names, List<double[]> predicted)
            throws IOException {
        XYChart c = new XYChartBuilder().width(900).height(600).title(title).xAxisTitle("actual epochs remaining")
                .yAxisTitle("predicted (out of fold)").build();
        c.getStyler().setMarkerSize(3);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : actual) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        for (int i = 0; i < names.size(); i++) {
            XYSeries s = c.addSeries(names.get(i), actual, predicted.get(i));
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        }
        XYSeries id = c.addSeries("predicted = actual", new double[] {lo, hi}, new double[] {lo, hi});
        id.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        id.setMarker(SeriesMarkers.NONE);
        BitmapEncoder.saveBitmap(c, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /** Overlapping histograms over a shared integer range. */
    public static void histograms(Path file, String title, String xLabel, List<String> names, List<double[]> values)
            throws IOException {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] v : values) for (double x : v) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
        if (!(lo <= hi)) { lo = 0; hi = 1; }
        lo = Math.floor(lo);
        hi = Math.ceil(hi) + 1;
        int bins = (int) Math.max(1, Math.min(60, hi - lo));
        CategoryChart c = new CategoryChartBuilder().width(900).height(600).title(title).xAxisTitle(xLabel)
                .yAxisTitle("share of converged runs").build();
        c.getStyler().setOverlapped(true);
        c.getStyler().setXAxisDecimalPattern("#");
        c.getStyler().setXAxisLabelRotation(90);
        c.getStyler().setYAxisDecimalPattern("0.00");
        for (int i = 0; i < names.size(); i++) {
            List<Double> data = new ArrayList<>();
            for (double x : values.get(i)) data.add(x);
            if (data.isEmpty()) continue;
            Histogram h = new Histogram(data, bins, lo, hi);
            List<Double> share = new ArrayList<>();
            for (double y : h.getyAxisData()) share.add(y / data.size());
            List<Double> centres = new ArrayList<>();
            for (double x : h.getxAxisData()) centres.add((double) Math.round(x));
            c.addSeries(names.get(i), centres, share);
        }
        BitmapEncoder.saveBitmap(c, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
