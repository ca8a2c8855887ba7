package fr.parcours.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bytes on a socket, for requests no HTTP client agrees to send (CR/LF in a URL, a malformed
 * escape, a 20 kB request line): the answer as the server wrote it, or a failure when there is
 * none within ten seconds.
 */
public final class RawHttp {

  /** A status, its headers (names in lower case) and its body. */
  public record Answer(int status, Map<String, String> headers, String body) {
  }

  private RawHttp() {
  }

  public static Answer exchange(int port, String request) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      return parse(readUntilClosedOrComplete(socket.getInputStream()));
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no answer within 10 s to " + request.lines().findFirst().orElse(""), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A GET of {@code target} (sent as is) closing the connection after the answer. */
  public static Answer get(int port, String target, String... headers) {
    StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    for (String header : headers) {
      request.append(header).append("\r\n");
    }
    return exchange(port, request.append("\r\n").toString());
  }

  private static String readUntilClosedOrComplete(InputStream in) throws IOException {
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) > 0) {
      read.write(buffer, 0, n);
      String text = read.toString(StandardCharsets.UTF_8);
      int end = text.indexOf("\r\n\r\n");
      if (end >= 0 && complete(text, end)) {
        break;
      }
    }
    return read.toString(StandardCharsets.UTF_8);
  }

  private static boolean complete(String text, int headEnd) {
    String head = text.substring(0, headEnd).toLowerCase(Locale.ROOT);
    int length = head.indexOf("content-length:");
    if (length < 0) {
      return false;
    }
    int value = Integer.parseInt(head.substring(length + 15).lines().findFirst().orElse("0").strip());
    return text.getBytes(StandardCharsets.UTF_8).length - headEnd - 4 >= value;
  }

  private static Answer parse(String text) {
    if (text.isEmpty()) {
      throw new AssertionError("the connection closed without an answer");
    }
    int headEnd = text.indexOf("\r\n\r\n");
    String[] lines = text.substring(0, headEnd < 0 ? text.length() : headEnd).split("\r\n");
    Map<String, String> headers = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
    }
    return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, headEnd < 0 ? "" : text.substring(headEnd + 4));
  }
}
