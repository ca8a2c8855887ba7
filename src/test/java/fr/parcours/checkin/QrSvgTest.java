package fr.parcours.checkin;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The QR code drawn as SVG reads back as what it holds, as a phone's camera would read it. */
class QrSvgTest {

  private static final Pattern SIZE = Pattern.compile("viewBox=\"0 0 (\\d+) \\d+\"");
  private static final Pattern MODULE = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z");
  private static final int SCALE = 4;

  @Test
  void theDrawingReadsBackAsTheStaffPageOfTheClass() throws Exception {
    String text = "https://parcours.example/staff/fairs/teens-up-bordeaux-2027/check-in?code=K7M2-QX9P";
    String svg = QrSvg.of(text, "K7M2-QX9P");
    assertTrue(svg.contains("<title>K7M2-QX9P</title>"));
    assertEquals(text, read(svg));
  }

  /** Paints the SVG's unit squares into pixels, then decodes them with ZXing's reader. */
  private static String read(String svg) throws Exception {
    Matcher size = SIZE.matcher(svg);
    assertTrue(size.find());
    int modules = Integer.parseInt(size.group(1));
    int width = modules * SCALE;
    int[] pixels = new int[width * width];
    Arrays.fill(pixels, 0xFFFFFF);
    Matcher module = MODULE.matcher(svg);
    while (module.find()) {
      int x = Integer.parseInt(module.group(1));
      int y = Integer.parseInt(module.group(2));
      for (int dy = 0; dy < SCALE; dy++) {
        Arrays.fill(pixels, (y * SCALE + dy) * width + x * SCALE, (y * SCALE + dy) * width + (x + 1) * SCALE, 0);
      }
    }
    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, width, pixels))))
        .getText();
  }
}
