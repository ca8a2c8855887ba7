package fr.parcours.fair;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A track's colour: the background its name is written on in white (badges, the programme's
 * swatches). Any {@code #rrggbb} is taken if white text on it is readable by WCAG 2.1 AA (a
 * contrast ratio of at least 4.5:1); the palette offers ten that are.
 */
public final class TrackColours {

  /** The colour a track's name is written in on its colour. */
  public static final String TEXT = "#ffffff";
  /** WCAG 2.1 AA for normal text (success criterion 1.4.3). */
  public static final double MIN_CONTRAST = 4.5;
  /** The palette by name (its label is {@code colour_<name>} in the catalogue), in the order pages offer it. */
  public static final Map<String, String> PALETTE = palette();
  private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

  private TrackColours() {
  }

  private static Map<String, String> palette() {
    Map<String, String> colours = new LinkedHashMap<>();
    colours.put("blue", "#1565c0");
    colours.put("green", "#2e7d32");
    colours.put("purple", "#8e24aa");
    colours.put("orange", "#b34700");
    colours.put("red", "#c62828");
    colours.put("teal", "#00796b");
    colours.put("raspberry", "#ad1457");
    colours.put("brown", "#5d4037");
    colours.put("slate", "#37474f");
    colours.put("indigo", "#283593");
    return Collections.unmodifiableMap(colours);
  }

  public static boolean isHex(String colour) {
    return colour != null && HEX.matcher(colour).matches();
  }

  /** The WCAG contrast ratio of two {@code #rrggbb} colours, from 1 to 21. */
  public static double contrast(String first, String second) {
    double a = luminance(first);
    double b = luminance(second);
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  }

  /** Whether the track's name, written in {@link #TEXT} on {@code colour}, reaches {@link #MIN_CONTRAST}. */
  public static boolean readable(String colour) {
    return contrast(colour, TEXT) >= MIN_CONTRAST;
  }

  /** Relative luminance (WCAG 2.1): each sRGB channel linearised, weighted by how bright the eye sees it. */
  private static double luminance(String hex) {
    int rgb = Integer.parseInt(hex.substring(1), 16);
    return 0.2126 * linear(rgb >> 16 & 0xff) + 0.7152 * linear(rgb >> 8 & 0xff) + 0.0722 * linear(rgb & 0xff);
  }

  private static double linear(int channel) {
    double c = channel / 255.0;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }
}
