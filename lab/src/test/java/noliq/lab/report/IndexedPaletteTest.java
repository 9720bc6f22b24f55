package noliq.lab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A chart's 256-colour palette and pixels are those of the plain algorithm (a map of colour counts,
 * the colours sorted by count then RGB, each other colour drawn in the nearest), on images like
 * charts: a few frequent colours, greys (whose RGB values hash to few buckets), anti-aliased blends,
 * and more than 256 colours in all.
 */
class IndexedPaletteTest {
  private static int[] plain(BufferedImage rgb, List<Integer> paletteOut) {
    int w = rgb.getWidth();
    int h = rgb.getHeight();
    int[] pixels = rgb.getRGB(0, 0, w, h, null, 0, w);
    Map<Integer, Integer> frequency = new HashMap<>();
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] &= 0xffffff;
      frequency.merge(pixels[i], 1, Integer::sum);
    }
    List<Integer> colours = new ArrayList<>(frequency.keySet());
    colours.sort((a, b) -> !frequency.get(a).equals(frequency.get(b)) ? Integer.compare(frequency.get(b), frequency.get(a))
        : Integer.compare(a, b));
    int n = Math.min(256, colours.size());
    paletteOut.addAll(colours.subList(0, n));
    int[] out = new int[pixels.length];
    for (int i = 0; i < pixels.length; i++) {
      int c = pixels[i];
      int at = colours.indexOf(c);
      if (at >= 0 && at < n) {
        out[i] = at;
      } else {
        int best = 0;
        long bestDistance = Long.MAX_VALUE;
        for (int k = 0; k < n; k++) {
          int p = colours.get(k);
          long dr = ((p >> 16) & 255) - ((c >> 16) & 255);
          long dg = ((p >> 8) & 255) - ((c >> 8) & 255);
          long db = (p & 255) - (c & 255);
          long d = dr * dr + dg * dg + db * db;
          if (d < bestDistance) {
            bestDistance = d;
            best = k;
          }
        }
        out[i] = best;
      }
    }
    return out;
  }

  @Test
  void thePaletteAndPixelsAreThePlainAlgorithms() {
    SplittableRandom rng = new SplittableRandom(3);
    for (int trial = 0; trial < 12; trial++) {
      int w = 40 + rng.nextInt(120);
      int h = 30 + rng.nextInt(90);
      BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      int[] frequent = {0xffffff, 0x000000, 0xdddddd, 0x1f77b4, 0xff7f0e, 0x2ca02c};
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int kind = rng.nextInt(10);
          int c = switch (kind) {
            case 0, 1, 2, 3, 4 -> frequent[rng.nextInt(trial % 2 == 0 ? frequent.length : 2)];
            case 5, 6 -> rng.nextInt(256) * 0x010101; // greys
            case 7 -> frequent[rng.nextInt(frequent.length)] ^ rng.nextInt(8); // near a frequent colour
            default -> rng.nextInt(1 << 24);
          };
          img.setRGB(x, y, 0xff000000 | c);
        }
      }
      List<Integer> palette = new ArrayList<>();
      int[] expected = plain(img, palette);
      BufferedImage out = ReportWriter.indexed(img);
      IndexColorModel model = (IndexColorModel) out.getColorModel();
      assertThat(model.getMapSize()).isEqualTo(palette.size());
      for (int k = 0; k < palette.size(); k++) {
        assertThat(model.getRGB(k) & 0xffffff).as("palette entry %d", k).isEqualTo(palette.get(k));
      }
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          assertThat(out.getRaster().getSample(x, y, 0)).as("pixel %d,%d", x, y).isEqualTo(expected[y * w + x]);
        }
      }
    }
  }
}
