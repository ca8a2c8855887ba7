package fr.parcours.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

import java.util.Arrays;
import java.util.List;

/**
 * The address a request comes from, as rate limits and stream caps count it: the connection's
 * remote address, or, when that is one of the configured trusted proxies, the last address of
 * {@code X-Forwarded-For} that is not itself a trusted proxy (what a client writes there itself
 * comes before what the proxies add, so it is never believed).
 */
public final class ClientAddress {

  private final List<String> trustedProxies;

  public ClientAddress(List<String> trustedProxies) {
    this.trustedProxies = List.copyOf(trustedProxies);
  }

  /** The proxies of {@code list}, comma-separated (the {@code limits.trusted_proxies} setting). */
  public static ClientAddress trusting(String list) {
    return new ClientAddress(Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
  }

  public String of(HttpServerRequest request) {
    SocketAddress remote = request.remoteAddress();
    String address = remote == null || remote.hostAddress() == null ? "unknown" : remote.hostAddress();
    String forwarded = request.getHeader("X-Forwarded-For");
    if (forwarded == null || !trustedProxies.contains(address)) {
      return address;
    }
    String[] hops = forwarded.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
        return hop.length() > 64 ? hop.substring(0, 64) : hop;
      }
    }
    return address;
  }
}
