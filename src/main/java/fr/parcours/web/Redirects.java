package fr.parcours.web;

/** Where a page may send a browser back to: only paths of this site. */
public final class Redirects {

  private Redirects() {
  }

  /**
   * Whether {@code location} is a path of this site: it starts with one slash (not {@code //}
   * nor {@code /\}, which browsers read as another host) and holds only visible ASCII, so no
   * line break can end the header early.
   */
  public static boolean isLocalPath(String location) {
    if (location == null || !location.startsWith("/") || location.startsWith("//") || location.startsWith("/\\")) {
      return false;
    }
    return location.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '\\');
  }
}
