import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The cold-start chart, drawn with Java2D (no network, no plotting library): per function, a bar for fresh JVM ->
 * first response and one for the first invocation after a primed init, in milliseconds (medians).
 * Input: a TSV of {@code label, fresh ms, primed ms (or -)}; output: a PNG.
 */
public final class Chart {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 420;
    private static final int LEFT = 170;
    private static final int RIGHT = 110;
    private static final Color FRESH = new Color(0x4C78A8);
    private static final Color PRIMED = new Color(0xF58518);

    record Row(String label, double fresh, double primed) {
    }

    public static void main(String[] args) throws Exception {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String[] f = line.split("\t");
            rows.add(new Row(f[0], Double.parseDouble(f[1]), f[2].equals("-") ? -1 : Double.parseDouble(f[2])));
        }
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        draw(g, rows, args[2]);
        g.dispose();
        ImageIO.write(image, "png", Path.of(args[1]).toFile());
    }

    private static void draw(Graphics2D g, List<Row> rows, String title) {
        double max = rows.stream().mapToDouble(r -> Math.max(r.fresh(), r.primed())).max().orElse(1);
        double scale = (WIDTH - LEFT - RIGHT) / max;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, 20, 26);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        legend(g);
        int rowHeight = (HEIGHT - 90) / rows.size();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            int y = 70 + i * rowHeight;
            g.setColor(Color.BLACK);
            g.drawString(row.label(), 12, y + rowHeight / 2);
            bar(g, y + 2, rowHeight / 2 - 4, row.fresh(), scale, FRESH);
            if (row.primed() >= 0) {
                bar(g, y + rowHeight / 2, rowHeight / 2 - 4, row.primed(), scale, PRIMED);
            }
        }
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1));
        g.drawLine(LEFT, 64, LEFT, HEIGHT - 16);
    }

    private static void bar(Graphics2D g, int y, int h, double ms, double scale, Color color) {
        int w = (int) Math.max(1, Math.round(ms * scale));
        g.setColor(color);
        g.fillRect(LEFT, y, w, h);
        g.setColor(Color.BLACK);
        g.drawString(String.format("%,.0f ms", ms), LEFT + w + 6, y + h - 2);
    }

    private static void legend(Graphics2D g) {
        g.setColor(FRESH);
        g.fillRect(20, 40, 12, 12);
        g.setColor(Color.BLACK);
        g.drawString("fresh JVM -> first response", 38, 51);
        g.setColor(PRIMED);
        g.fillRect(260, 40, 12, 12);
        g.setColor(Color.BLACK);
        g.drawString("first invoke after a primed init (SnapStart restore proxy)", 278, 51);
    }
}
