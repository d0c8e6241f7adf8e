package dev.ticketsms.bench;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Bar charts as PNG files, drawn headless with JFreeChart. */
final class Charts {

    /** series → (category → value), drawn in insertion order. */
    static final class Data {
        private final Map<String, Map<String, Double>> series = new LinkedHashMap<>();

        Data add(String seriesName, String category, double value) {
            series.computeIfAbsent(seriesName, name -> new LinkedHashMap<>()).put(category, value);
            return this;
        }
    }

    private Charts() {
    }

    static void bar(Path file, String title, String categoryAxis, String valueAxis, Data data) throws IOException {
        System.setProperty("java.awt.headless", "true");
        var dataset = new DefaultCategoryDataset();
        data.series.forEach((name, values) -> values.forEach((category, value) -> dataset.addValue(value, name, category)));
        JFreeChart chart = ChartFactory.createBarChart(title, categoryAxis, valueAxis, dataset, PlotOrientation.VERTICAL,
                data.series.size() > 1, false, false);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 720, 400);
    }
}
